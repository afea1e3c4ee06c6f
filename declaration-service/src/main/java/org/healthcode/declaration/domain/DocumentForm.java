package org.healthcode.declaration.domain;

/** A document as submitted for resolution to its subject. Holds personal data, so it never prints its values. */
public record DocumentForm(String documentType, String documentNumber) {

    @Override
    public String toString() {
        return "DocumentForm[redacted]";
    }
}
