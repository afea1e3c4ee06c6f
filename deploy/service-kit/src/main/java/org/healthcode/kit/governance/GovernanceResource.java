package org.healthcode.kit.governance;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.healthcode.kit.audit.AuditEntry;
import org.healthcode.kit.audit.AuditEntry.Outcome;
import org.healthcode.kit.audit.AuditTrail;
import org.healthcode.kit.event.DeadLetterRedrive;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;
import org.healthcode.kit.web.Caller;
import org.healthcode.kit.web.InstantSpan;

/**
 * Every data-owning service's admin calls: its audit trail, a purge on demand, the end of the
 * emergency (intake stops) and then the destruction (its tables; and, asked of one service, every
 * Kafka topic), and its consumers' dead letters with their re-drive (the gateway calls each service
 * and joins the answers).
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class GovernanceResource {

    /** What the admin must send to destroy: the command cannot be given by accident. */
    public static final String CONFIRMATION = "DESTROY ALL PERSONAL DATA";

    public record DestructionRequest(String confirmation) {
    }

    /** What the admin must send to end the emergency: it stops all intake, for good. */
    public static final String ENDING = "END THE EMERGENCY";

    public record EndRequest(String confirmation) {
    }

    /** What a re-drive published again, per topic. */
    public record Redriven(Map<String, Integer> topics, int total) {
    }

    /** The times an audit query may be bounded by: the last ten years, up to a year ahead. */
    static final InstantSpan AUDIT_TIME = new InstantSpan(Duration.ofDays(3650), Duration.ofDays(365));

    private final AuditTrail audit;
    private final PersonalDataCare care;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final DeadLetterRedrive deadLetters;
    private final EmergencyEnd emergency;
    private final TopicErasure topics;

    public GovernanceResource(AuditTrail audit, PersonalDataCare care, SecurityIdentity identity, Clock clock,
            DeadLetterRedrive deadLetters, EmergencyEnd emergency, TopicErasure topics) {
        this.audit = audit;
        this.care = care;
        this.identity = identity;
        this.clock = clock;
        this.deadLetters = deadLetters;
        this.emergency = emergency;
        this.topics = topics;
    }

    /** The audit trail, oldest first, filtered by subject, actor and time; an admin sees their province's. */
    @GET
    @Path("/audit")
    public Uni<List<AuditEntry>> audit(@QueryParam("subjectId") String subjectId, @QueryParam("actor") String actor,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") Integer limit) {
        int max = limit == null ? 1000 : limit;
        if (max < 1 || max > 10_000) {
            throw ApiException.invalid(List.of(new ApiError.Detail("limit", "between 1 and 10000")));
        }
        List<ApiError.Detail> problems = new ArrayList<>();
        Instant now = clock.instant();
        Instant since = AUDIT_TIME.parse(from, "from", now, problems::add);
        Instant until = AUDIT_TIME.parse(to, "to", now, problems::add);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return audit.find(blank(subjectId), blank(actor), since, until, Caller.of(identity).staffProvince(), max);
    }

    @POST
    @Path("/admin/purge")
    public Uni<DataReport> purge() {
        return care.purge(Caller.of(identity).subject());
    }

    /** Whether the emergency has ended in this service, when and by whom. */
    @GET
    @Path("/admin/emergency")
    public Uni<EmergencyEnd.State> emergency() {
        return emergency.state();
    }

    /**
     * Ends the emergency in this service: from now on it refuses new intake, and the destruction
     * may run. Platform-wide, like the destruction. Ending it again answers the first record.
     */
    @POST
    @Path("/admin/emergency/end")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<EmergencyEnd.State> endEmergency(EndRequest request) {
        if (request == null || !ENDING.equals(request.confirmation())) {
            throw ApiException.invalid(List.of(new ApiError.Detail("confirmation", "must be \"" + ENDING + "\"")));
        }
        return emergency.end(Caller.of(identity).subject());
    }

    /** Empties every table of personal data; only once the emergency has ended, so nothing comes in after. */
    @POST
    @Path("/admin/destruction")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<DataReport> destroy(DestructionRequest request) {
        confirmed(request);
        String actor = Caller.of(identity).subject();
        return ended().chain(() -> care.destroy(actor));
    }

    /**
     * The destruction's part on Kafka, for the whole platform (the gateway asks one service, once
     * every service has emptied its tables): every topic, dead-letter topics included, emptied.
     * Written to the audit trail.
     */
    @POST
    @Path("/admin/destruction/topics")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TopicErasure.Erasure> destroyEvents(DestructionRequest request) {
        confirmed(request);
        String actor = Caller.of(identity).subject();
        return ended().chain(topics::emptyEveryTopic).call(erasure -> audit.record(new AuditEntry(clock.instant(),
                actor, "EVENTS_DESTROYED", Outcome.DONE, null, null, null, erasure.removed() + " events removed from "
                        + erasure.topics().size() + " topics; every topic empty: " + erasure.empty())));
    }

    private static void confirmed(DestructionRequest request) {
        if (request == null || !CONFIRMATION.equals(request.confirmation())) {
            throw ApiException.invalid(List.of(new ApiError.Detail("confirmation", "must be \"" + CONFIRMATION + "\"")));
        }
    }

    private Uni<Void> ended() {
        return emergency.state().invoke(state -> {
            if (!state.ended()) {
                throw ApiException.conflict(EmergencyEnd.NOT_ENDED, "The emergency has not ended: end it first "
                        + "(POST /api/v1/admin/emergency/end), so that nothing comes in after the destruction");
            }
        }).replaceWithVoid();
    }

    /**
     * The messages this service's consumers dead-lettered and nobody re-drove yet: where each is,
     * when and why, never its content. Platform-wide, like the purge: a message that could not be
     * read belongs to no province, and nothing here names a person.
     */
    @GET
    @Path("/admin/dead-letters")
    public Uni<List<DeadLetterRedrive.Letter>> deadLetters(@QueryParam("limit") Integer limit) {
        int max = limit == null ? 1000 : limit;
        if (max < 1 || max > 10_000) {
            throw ApiException.invalid(List.of(new ApiError.Detail("limit", "between 1 and 10000")));
        }
        return deadLetters.pending(max);
    }

    /**
     * Once the cause is fixed: publishes every pending dead letter (of {@code topic} only, when
     * given) again on its topic, where the consumers apply it (an event already applied, once).
     * Written to the audit trail.
     */
    @POST
    @Path("/admin/dead-letters/redrive")
    public Uni<Redriven> redrive(@QueryParam("topic") String topic) {
        // a topic this service does not consume has nothing here to re-drive (the gateway asks every service)
        String only = blank(topic);
        String actor = Caller.of(identity).subject();
        return deadLetters.redrive(only).chain(counts -> {
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            return audit.record(new AuditEntry(clock.instant(), actor, "DEAD_LETTERS_REDRIVEN", Outcome.DONE, null,
                            only, null, total + " re-driven: " + counts))
                    .replaceWith(new Redriven(counts, total));
        });
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
