package org.healthcode.trace.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.healthcode.kit.governance.Intake;
import org.healthcode.kit.region.Regions;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;
import org.healthcode.kit.web.Caller;
import org.healthcode.kit.web.DateSpan;
import org.healthcode.trace.TraceConfig;
import org.healthcode.trace.domain.CaseStatus;
import org.healthcode.trace.service.CaseDecision;
import org.healthcode.trace.service.CaseQueries;
import org.healthcode.trace.service.CaseService;
import org.healthcode.trace.service.SubjectJurisdiction;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * Cases: the health authority confirms, suspects or clears; epidemiologists and authorities read
 * the trace. Staff act within the province of their token's {@code province} claim only; every
 * read is audited (see {@link CaseQueries}).
 */
@Path("/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseResource {

    private static final Pattern SUBJECT_ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final int MAX_PAGE_SIZE = 1000;

    private final CaseService cases;
    private final SubjectJurisdiction jurisdiction;
    private final CaseQueries queries;
    private final SecurityIdentity identity;
    private final TraceConfig config;
    private final Clock clock;

    public CaseResource(CaseService cases, SubjectJurisdiction jurisdiction, CaseQueries queries,
            SecurityIdentity identity, TraceConfig config, Clock clock) {
        this.cases = cases;
        this.jurisdiction = jurisdiction;
        this.queries = queries;
        this.identity = identity;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Records a decision. 201 with the case, also when it changed nothing (the same status again):
     * deciding is idempotent. A confirmation is traced before the answer. A person registered in
     * another province is refused before anything is written (403 FORBIDDEN_PROVINCE, audited).
     */
    @POST
    @ResponseStatus(201)
    @RolesAllowed("authority")
    @Intake
    public Uni<CaseDecided> decide(CaseForm form) {
        Caller caller = Caller.of(identity);
        CaseDecision decision = validate(form, caller.staffProvince(), caller.subject());
        return jurisdiction.requireWithin(decision.subjectId(), caller)
                .chain(() -> cases.decide(decision)).map(CaseDecided::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"epidemiologist", "authority"})
    public Uni<CaseView> get(@PathParam("id") String id) {
        return queries.find(id, staff()).map(CaseView::of);
    }

    /**
     * A page of the contacts. {@code export=true} when the page is read for an export (the gateway's
     * {@code contacts.csv}): audited as {@code CONTACTS_EXPORT} instead of {@code CONTACTS_READ}.
     */
    @GET
    @Path("/{id}/contacts")
    @RolesAllowed({"epidemiologist", "authority"})
    public Uni<ContactView.Page> contacts(@PathParam("id") String id, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size, @QueryParam("export") @DefaultValue("false") boolean export) {
        List<ApiError.Detail> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(new ApiError.Detail("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(new ApiError.Detail("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return queries.contacts(id, staff(), page, size, export).map(ContactView.Page::of);
    }

    @GET
    @Path("/{id}/chain")
    @RolesAllowed({"epidemiologist", "authority"})
    public Uni<Chain> chain(@PathParam("id") String id) {
        return queries.chain(id, staff()).map(Chain::of);
    }

    private CaseDecision validate(CaseForm form, String province, String decidedBy) {
        if (form == null) {
            throw ApiException.invalid(List.of(new ApiError.Detail("body", "is required")));
        }
        List<ApiError.Detail> problems = new ArrayList<>();
        String subjectId = form.subjectId();
        if (subjectId == null || !SUBJECT_ID.matcher(subjectId).matches()) {
            problems.add(new ApiError.Detail("subjectId", "must be a subjectId: 22 characters of base64url"));
        }
        CaseStatus status = Arrays.stream(CaseStatus.values())
                .filter(s -> s.name().equals(form.status())).findFirst().orElse(null);
        if (status == null) {
            problems.add(new ApiError.Detail("status", "must be CONFIRMED, SUSPECTED or CLEARED"));
        }
        // Symptoms began today or within the last year: an onset older than that traces nothing.
        LocalDate onset = DateSpan.past(365).parse(form.onsetDate(), "onsetDate",
                LocalDate.ofInstant(clock.instant(), config.timeZone()), problems::add);
        String region = form.regionCode();
        if (region != null && (!Regions.table().isKnown(region) || !Regions.within(region, province))) {
            problems.add(new ApiError.Detail("regionCode", "must be a GB/T 2260 region code within your province"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return new CaseDecision(subjectId, status, onset, region, province, decidedBy);
    }

    /** The calling staff member; one without a province acts nowhere (403 NO_PROVINCE). */
    private Caller staff() {
        Caller caller = Caller.of(identity);
        caller.staffProvince();
        return caller;
    }
}
