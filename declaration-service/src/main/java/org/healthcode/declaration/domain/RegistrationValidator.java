package org.healthcode.declaration.domain;

import java.time.LocalDate;
import org.healthcode.kit.region.Regions;

/** Checks a registration form and answers the normalised identity, or refuses with every problem. */
public final class RegistrationValidator {

    public record Dependent(Identity identity, Relation relation) {
    }

    private RegistrationValidator() {
    }

    public static Identity self(RegistrationForm form, LocalDate today) {
        Violations problems = new Violations();
        requireBody(form, problems);
        Identity identity = identity(form, true, today, problems);
        problems.throwIfAny();
        return identity;
    }

    /**
     * A document on its own (to learn its subject), checked exactly as at registration: the same
     * fields, the same problems.
     */
    public static Document document(DocumentForm form, LocalDate today) {
        Violations problems = new Violations();
        requireBody(form, problems);
        DocumentType type = problems.oneOf(DocumentType.class, form.documentType(), "documentType");
        String number = documentNumber(type, form.documentNumber(), today, problems);
        problems.throwIfAny();
        return new Document(type, number);
    }

    public static Dependent dependent(RegistrationForm form, LocalDate today) {
        Violations problems = new Violations();
        requireBody(form, problems);
        Identity identity = identity(form, false, today, problems);
        Relation relation = problems.oneOf(Relation.class, form.relation(), "relation");
        problems.throwIfAny();
        return new Dependent(identity, relation);
    }

    private static void requireBody(Object form, Violations problems) {
        if (form == null) {
            problems.add("body", "is required");
            problems.throwIfAny();
        }
    }

    private static Identity identity(RegistrationForm form, boolean phoneRequired, LocalDate today,
            Violations problems) {
        String name = null;
        if (problems.required(form.name(), "name") != null) {
            name = PersonName.normalise(form.name()).orElse(null);
            if (name == null) {
                problems.add("name", "must be 1 to " + PersonName.MAX_LENGTH + " letters (Chinese characters or Latin"
                        + " letters, accents included) in words joined by single spaces, middle dots (·), hyphens or"
                        + " apostrophes; no digits, symbols or emoji");
            }
        }
        DocumentType type = problems.oneOf(DocumentType.class, form.documentType(), "documentType");
        String number = documentNumber(type, form.documentNumber(), today, problems);
        String phone = null;
        boolean phoneGiven = form.phone() != null && !form.phone().isBlank();
        if (phoneGiven) {
            phone = Phone.normalise(form.phone(), type).orElse(null);
            if (phone == null) {
                problems.add("phone", Phone.rule(type));
            }
        } else if (phoneRequired) {
            problems.add("phone", "is required");
        }
        if (problems.required(form.regionCode(), "regionCode") != null
                && !Regions.table().isKnown(form.regionCode())) {
            problems.add("regionCode", "is not a known GB/T 2260 region code");
        }
        return new Identity(name, type, number, phone, form.regionCode());
    }

    /** The normalised number; judged only when the type is known, since the format is the type's. */
    private static String documentNumber(DocumentType type, String raw, LocalDate today, Violations problems) {
        if (problems.required(raw, "documentNumber") == null) {
            return null;
        }
        String number = DocumentType.normalise(raw);
        if (type != null && !type.isWellFormed(number, today)) {
            problems.add("documentNumber", "is not a valid " + type + " number");
        }
        return number;
    }
}
