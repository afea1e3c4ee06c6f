package org.healthcode.declaration.domain;

/**
 * A person's validated identity data in plain text, normalised; {@code phone} may be null for a
 * dependent. Lives only for the request that registers it, and never prints its values.
 */
public record Identity(String name, DocumentType documentType, String documentNumber, String phone,
        String regionCode) {

    @Override
    public String toString() {
        return "Identity[" + documentType + ", region " + regionCode + "]";
    }
}
