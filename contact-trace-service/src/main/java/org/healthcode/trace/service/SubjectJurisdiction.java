package org.healthcode.trace.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.healthcode.kit.audit.AuditEntry;
import org.healthcode.kit.audit.AuditEntry.Outcome;
import org.healthcode.kit.audit.AuditTrail;
import org.healthcode.kit.web.ApiException;
import org.healthcode.kit.web.Caller;
import org.healthcode.kit.web.ServiceCall;
import org.healthcode.trace.domain.CaseAudit;
import org.healthcode.trace.upstream.DeclarationClient;

/**
 * Whether an authority may decide a case about this subject: only when the person is registered in
 * the authority's province, or not registered anywhere yet (a case may precede the registration; the
 * pseudonym is deterministic). This service does not know where people live, so it asks
 * declaration-service with the authority's own token before anything is recorded. A refusal is
 * audited here as well as there, and nothing of the case is written; when declaration-service cannot
 * answer, no case is recorded either (503).
 */
@ApplicationScoped
public class SubjectJurisdiction {

    private final DeclarationClient declaration;
    private final AuditTrail audit;
    private final Clock clock;

    public SubjectJurisdiction(@RestClient DeclarationClient declaration, AuditTrail audit, Clock clock) {
        this.declaration = declaration;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<Void> requireWithin(String subjectId, Caller authority) {
        String province = authority.staffProvince();
        return ServiceCall.failingOver(declaration.jurisdiction(subjectId))
                .onFailure().transform(SubjectJurisdiction::answerFor)
                .chain(where -> where.registered() && !province.equals(where.province())
                        ? refuse(subjectId, authority, where.province())
                        : Uni.createFrom().voidItem())
                .onFailure(ForeignSubject.class).recoverWithUni(foreign -> refuse(subjectId, authority, null));
    }

    private Uni<Void> refuse(String subjectId, Caller authority, String subjectProvince) {
        // declaration-service hides the person's province from a stranger: the line then stays in the caller's
        String entryProvince = subjectProvince != null ? subjectProvince : authority.province();
        return audit.record(new AuditEntry(clock.instant().truncatedTo(ChronoUnit.MILLIS), authority.subject(),
                        CaseAudit.CROSS_PROVINCE_READ, Outcome.REFUSED, subjectId, "POST /v1/cases", entryProvince,
                        "case decision by an authority of " + authority.province() + " about a person of another province"))
                .chain(() -> Uni.createFrom().failure(new ApiException(403, "FORBIDDEN_PROVINCE",
                        "This person belongs to another province")));
    }

    private static Throwable answerFor(Throwable failure) {
        if (failure instanceof WebApplicationException refused && refused.getResponse().getStatus() == 403) {
            return new ForeignSubject();
        }
        return new ApiException(503, "UPSTREAM_UNAVAILABLE",
                "The declaration service cannot say whose this subject is; nothing was recorded");
    }

    /** declaration-service refused: the person is registered in another province. */
    private static final class ForeignSubject extends RuntimeException {
        ForeignSubject() {
            super(null, null, false, false);
        }
    }
}
