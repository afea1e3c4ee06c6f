package org.healthcode.declaration.domain;

/**
 * A registration as submitted: of oneself, or of a dependent (then with {@code relation}, and
 * {@code phone} optional). Holds personal data, so it never prints its values.
 */
public record RegistrationForm(String name, String documentType, String documentNumber, String phone,
        String regionCode, String relation) {

    @Override
    public String toString() {
        return "RegistrationForm[redacted]";
    }
}
