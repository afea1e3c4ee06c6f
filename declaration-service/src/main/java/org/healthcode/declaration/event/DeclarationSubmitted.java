package org.healthcode.declaration.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.healthcode.declaration.domain.DeclarationContent;
import org.healthcode.declaration.domain.DeclarationKind;
import org.healthcode.declaration.domain.Symptom;

/**
 * The {@code data} of a {@code declaration-submitted} event: a declaration or daily check-in was
 * accepted. Carries the pseudonym and the declared content, never a name, document or phone.
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
        double temperature,
        DeclarationContent.Vaccination vaccination,
        DeclarationContent.Inbound inbound,
        Instant declaredAt) {

    public static final String TOPIC = "declaration-submitted";

    public static DeclarationSubmitted of(UUID declarationId, String subjectId, DeclarationKind kind,
            String regionCode, DeclarationContent content, Instant declaredAt) {
        return new DeclarationSubmitted(declarationId, subjectId, kind, regionCode, content.travel(),
                content.contactWithCase(), content.symptoms(), content.temperature(), content.vaccination(),
                content.inbound(), declaredAt);
    }
}
