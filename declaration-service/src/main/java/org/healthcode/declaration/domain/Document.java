package org.healthcode.declaration.domain;

/** A validated, normalised identity document; lives only for the request and never prints its number. */
public record Document(DocumentType type, String number) {

    @Override
    public String toString() {
        return "Document[" + type + "]";
    }
}
