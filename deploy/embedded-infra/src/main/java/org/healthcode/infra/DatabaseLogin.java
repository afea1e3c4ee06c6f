package org.healthcode.infra;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A data-owning service's own PostgreSQL login: the role named after the schema it owns, and that
 * role's password. See {@link DatabaseRoles} for what the role may do.
 */
public record DatabaseLogin(String user, String password) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public DatabaseLogin {
        if (user == null || !NAME.matcher(user).matches()) {
            throw new IllegalArgumentException("a role name is a lower-case SQL identifier: " + user);
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("role " + user + " needs a password");
        }
    }

    /** The login for {@code schema} with a fresh random password (32 bytes, URL-safe base64). */
    public static DatabaseLogin generate(String schema) {
        return new DatabaseLogin(schema, randomPassword());
    }

    public static String randomPassword() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The role is named after the schema it owns. */
    public String schema() {
        return user;
    }

    /** As the environment variables a service reads its datasource credentials from. */
    public Map<String, String> env() {
        return Map.of("QUARKUS_DATASOURCE_USERNAME", user, "QUARKUS_DATASOURCE_PASSWORD", password);
    }

    @Override
    public String toString() {
        return "DatabaseLogin[user=" + user + ", password redacted]";
    }
}
