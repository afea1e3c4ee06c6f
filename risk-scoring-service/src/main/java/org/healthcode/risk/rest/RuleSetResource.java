package org.healthcode.risk.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;
import org.healthcode.kit.web.Caller;
import org.healthcode.kit.web.InstantSpan;
import org.healthcode.risk.domain.Colour;
import org.healthcode.risk.domain.RuleDefinitionCheck;
import org.healthcode.risk.domain.RuleSet;
import org.healthcode.risk.domain.RuleSetSchedule;
import org.healthcode.risk.service.RuleSetService;
import org.jboss.resteasy.reactive.ResponseStatus;

/** The health authority's rule versions: listed, dry-run, published ahead of their effective time. */
@Path("/v1/rule-sets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RuleSetResource {

    /** A version as the caller's province sees it; {@code publishedBy} null for the built-in versions. */
    public record RuleSetView(String province, int version, Instant effectiveFrom, RuleSetSchedule.Status status,
            JsonNode definition, Instant publishedAt, String publishedBy) {
    }

    public record DryRunRequest(JsonNode definition) {
    }

    public record DryRunView(String province, long subjects, List<ChangeView> changes, long unchanged) {
    }

    public record ChangeView(Colour from, Colour to, long count) {
    }

    public record PublishRequest(JsonNode definition, String effectiveFrom) {
    }

    public record PublishedView(String province, int version, Instant effectiveFrom) {
    }

    /**
     * When a published version may take effect: at most a year ahead (and at least the lead time,
     * which {@link RuleSetService#publish} checks).
     */
    private static final InstantSpan EFFECTIVE = InstantSpan.future(Duration.ofDays(365));

    private final RuleSetService service;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final Clock clock;

    public RuleSetResource(RuleSetService service, SecurityIdentity identity, ObjectMapper json, Clock clock) {
        this.service = service;
        this.identity = identity;
        this.json = json;
        this.clock = clock;
    }

    /** The caller's province's versions and the default ('*') ones, oldest effective first. */
    @GET
    @RolesAllowed({"authority", "admin"})
    public Uni<List<RuleSetView>> list() {
        return service.versions(Caller.of(identity).staffProvince()).map(listed -> listed.stream()
                .map(v -> new RuleSetView(v.stored().province(), v.stored().version(), v.stored().effectiveFrom(),
                        v.status(), tree(v.stored().definition()), v.stored().publishedAt(),
                        v.stored().publishedBy()))
                .toList());
    }

    /** What the definition would do to the caller's province's subjects now; nothing is stored or published. */
    @POST
    @Path("/dry-run")
    @RolesAllowed("authority")
    public Uni<DryRunView> dryRun(DryRunRequest request) {
        String province = Caller.of(identity).staffProvince();
        JsonNode definition = request == null ? null : request.definition();
        refuseIfAny(new ArrayList<>(problems(definition)));
        return service.dryRun(province, RuleSet.fromJson(0, definition.toString())).map(run -> new DryRunView(
                run.province(), run.subjects(),
                run.changes().stream().map(c -> new ChangeView(c.from(), c.to(), c.count())).toList(),
                run.unchanged()));
    }

    /** Publishes the definition as the caller's province's next version, effective at {@code effectiveFrom}. */
    @POST
    @RolesAllowed("authority")
    @ResponseStatus(201)
    public Uni<PublishedView> publish(PublishRequest request) {
        Caller caller = Caller.of(identity);
        String province = caller.staffProvince();
        JsonNode definition = request == null ? null : request.definition();
        List<ApiError.Detail> problems = new ArrayList<>(problems(definition));
        String effective = request == null ? null : request.effectiveFrom();
        Instant effectiveFrom = EFFECTIVE.parse(effective, "effectiveFrom", clock.instant(), problems::add);
        if (effective == null || effective.isBlank()) {
            problems.add(new ApiError.Detail("effectiveFrom", EFFECTIVE.rule()));
        }
        refuseIfAny(problems);
        return service.publish(province, definition, effectiveFrom, caller.subject())
                .map(p -> new PublishedView(p.province(), p.version(), p.effectiveFrom()));
    }

    private static List<ApiError.Detail> problems(JsonNode definition) {
        return RuleDefinitionCheck.problems(definition).stream()
                .map(p -> new ApiError.Detail(p.field(), p.problem())).toList();
    }

    private static void refuseIfAny(List<ApiError.Detail> problems) {
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }

    private JsonNode tree(String definition) {
        try {
            return json.readTree(definition);
        } catch (IOException e) {
            throw new UncheckedIOException("stored rule set unreadable", e);
        }
    }
}
