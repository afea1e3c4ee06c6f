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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.healthcode.kit.audit.AuditEntry;
import org.healthcode.kit.audit.AuditTrail;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;
import org.healthcode.kit.web.Caller;

/**
 * Every data-owning service's admin calls: its audit trail, a purge on demand, and the
 * end-of-emergency destruction (the gateway calls each service and joins the answers).
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class GovernanceResource {

    /** What the admin must send to destroy: the command cannot be given by accident. */
    public static final String CONFIRMATION = "DESTROY ALL PERSONAL DATA";

    public record DestructionRequest(String confirmation) {
    }

    private final AuditTrail audit;
    private final PersonalDataCare care;
    private final SecurityIdentity identity;

    public GovernanceResource(AuditTrail audit, PersonalDataCare care, SecurityIdentity identity) {
        this.audit = audit;
        this.care = care;
        this.identity = identity;
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
        return audit.find(blank(subjectId), blank(actor), instant("from", from), instant("to", to),
                Caller.of(identity).staffProvince(), max);
    }

    @POST
    @Path("/admin/purge")
    public Uni<DataReport> purge() {
        return care.purge(Caller.of(identity).subject());
    }

    @POST
    @Path("/admin/destruction")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<DataReport> destroy(DestructionRequest request) {
        if (request == null || !CONFIRMATION.equals(request.confirmation())) {
            throw ApiException.invalid(List.of(new ApiError.Detail("confirmation", "must be \"" + CONFIRMATION + "\"")));
        }
        return care.destroy(Caller.of(identity).subject());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Instant instant(String field, String value) {
        if (blank(value) == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(List.of(new ApiError.Detail(field, "an ISO-8601 instant, e.g. 2026-12-01T00:00:00Z")));
        }
    }
}
