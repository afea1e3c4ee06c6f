package org.healthcode.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformSecretsTest {

    @TempDir
    Path folder;

    @Test
    void everyDataOwningServiceGetsItsOwnDatabasePasswordKeptAcrossStarts() throws Exception {
        Path file = folder.resolve("secrets.properties");
        PlatformSecrets first = PlatformSecrets.loadOrCreate(file);
        PlatformSecrets again = PlatformSecrets.loadOrCreate(file);

        Set<String> passwords = new HashSet<>();
        for (String schema : DatabaseRoles.SERVICE_SCHEMAS.values()) {
            DatabaseLogin login = first.databaseLogin(schema);
            assertEquals(schema, login.user(), "the role is named after the schema");
            assertEquals(login, again.databaseLogin(schema), "the same password after a restart");
            passwords.add(login.password());
        }
        assertEquals(DatabaseRoles.SERVICE_SCHEMAS.size(), passwords.size(), "no two services share a password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(first.toString().contains(first.databaseLogin("declaration").password()));
        assertFalse(first.databaseLogin("declaration").toString().contains(first.databaseLogin("declaration").password()));
    }

    @Test
    void aFileFromBeforeDatabaseRolesGetsTheirPasswordsAndKeepsItsKeys() throws Exception {
        Path file = folder.resolve("secrets.properties");
        Files.writeString(file, """
                pseudonym-key=cHNldWRvbnltLWtleS1wc2V1ZG9ueW0ta2V5LXBzZXU=
                data-key=ZGF0YS1rZXktZGF0YS1rZXktZGF0YS1rZXktZGF0YS0=
                signing-kid=k1
                signing-key=c2lnbmluZw==
                poster-key=cG9zdGVyLWtleS1wb3N0ZXIta2V5LXBvc3Rlci1rZXk=
                """);
        PlatformSecrets upgraded = PlatformSecrets.loadOrCreate(file);

        assertEquals("c2lnbmluZw==", upgraded.signingKey());
        assertEquals("cG9zdGVyLWtleS1wb3N0ZXIta2V5LXBvc3Rlci1rZXk=", upgraded.posterKey());
        String stored = Files.readString(file);
        for (String schema : DatabaseRoles.SERVICE_SCHEMAS.values()) {
            assertTrue(stored.contains("database-password." + schema + "=" + upgraded.databaseLogin(schema).password()),
                    "written for the next start: " + schema);
        }
        assertNotEquals(upgraded.databaseLogin("declaration").password(), upgraded.databaseLogin("risk_scoring").password());
        assertTrue(stored.contains("federation-key="), "a federation key added");
        assertTrue(upgraded.env().get("SCAN_FEDERATION_KEY").startsWith(PlatformSecrets.FEDERATION_KID + ":"));
        assertEquals(upgraded.federationKey(), PlatformSecrets.loadOrCreate(file).federationKey(), "kept after a restart");
    }
}
