package org.healthcode.declaration.rest;

import java.time.Instant;
import java.util.UUID;
import org.healthcode.declaration.domain.DocumentType;
import org.healthcode.declaration.domain.Person;

/** A person as they and their guardian see them: masked, never in plain text. */
public record Profile(UUID id, String subjectId, String maskedName, DocumentType documentType,
        String maskedDocumentNumber, String maskedPhone, String regionCode, String province, Instant registeredAt) {

    public static Profile of(Person person) {
        return new Profile(person.id, person.subjectId, person.maskedName, person.documentType,
                person.maskedDocumentNumber, person.maskedPhone, person.regionCode, person.province(),
                person.registeredAt);
    }
}
