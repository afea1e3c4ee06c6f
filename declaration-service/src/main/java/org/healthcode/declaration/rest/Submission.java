package org.healthcode.declaration.rest;

import java.time.Instant;
import java.util.UUID;
import org.healthcode.declaration.domain.Declaration;
import org.healthcode.declaration.domain.DeclarationKind;

/** The answer to an accepted declaration or check-in. */
public record Submission(UUID id, String subjectId, DeclarationKind kind, Instant declaredAt) {

    public static Submission of(Declaration declaration) {
        return new Submission(declaration.id, declaration.subjectId, declaration.kind, declaration.declaredAt);
    }
}
