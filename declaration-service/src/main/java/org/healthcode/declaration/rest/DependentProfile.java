package org.healthcode.declaration.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.healthcode.declaration.domain.DocumentType;
import org.healthcode.declaration.domain.Person;
import org.healthcode.declaration.domain.Relation;

/** A dependent's {@link Profile} and how they relate to their guardian. */
public record DependentProfile(UUID id, String subjectId, String maskedName, DocumentType documentType,
        String maskedDocumentNumber, String maskedPhone, String regionCode, String province, Instant registeredAt,
        Relation relation) {

    public record Items(List<DependentProfile> items) {
    }

    public static DependentProfile of(Person person) {
        return new DependentProfile(person.id, person.subjectId, person.maskedName, person.documentType,
                person.maskedDocumentNumber, person.maskedPhone, person.regionCode, person.province(),
                person.registeredAt, person.relation);
    }
}
