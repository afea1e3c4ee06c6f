package org.healthcode.declaration.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.healthcode.declaration.domain.DeclarationContent;
import org.healthcode.declaration.domain.DeclarationKind;
import org.healthcode.declaration.domain.DeclarationSource;
import org.healthcode.declaration.domain.Symptom;

/**
 * The {@code data} of a {@code declaration-submitted} event: a declaration or daily check-in was
 * accepted, or the authority imported travel (kind TRAVEL, source AUTHORITY: travel only, no
 * temperature). Carries the pseudonym and the declared content, never a name, document or phone.
 * Documented by {@code events/declaration-submitted.schema.json} and its sample.
 */
public record DeclarationSubmitted(
        UUID declarationId,
        String subjectId,
        DeclarationKind kind,
        String regionCode,
        List<DeclarationContent.Travel> travel,
        boolean contactWithCase,
        List<Symptom> symptoms,
        Double temperature,
        DeclarationContent.Vaccination vaccination,
        DeclarationContent.Inbound inbound,
        Instant declaredAt,
        DeclarationSource source) {

    public static final String TOPIC = "declaration-submitted";

    public static DeclarationSubmitted of(UUID declarationId, String subjectId, DeclarationKind kind,
            String regionCode, DeclarationContent content, Instant declaredAt) {
        return new DeclarationSubmitted(declarationId, subjectId, kind, regionCode, content.travel(),
                content.contactWithCase(), content.symptoms(), content.temperature(), content.vaccination(),
                content.inbound(), declaredAt, DeclarationSource.RESIDENT);
    }

    /** Travel the authority imported: counted like declared travel, and nothing else about the person. */
    public static DeclarationSubmitted authorityTravel(UUID declarationId, String subjectId, String regionCode,
            List<DeclarationContent.Travel> travel, Instant declaredAt) {
        return new DeclarationSubmitted(declarationId, subjectId, DeclarationKind.TRAVEL, regionCode, travel, false,
                List.of(), null, null, null, declaredAt, DeclarationSource.AUTHORITY);
    }
}
