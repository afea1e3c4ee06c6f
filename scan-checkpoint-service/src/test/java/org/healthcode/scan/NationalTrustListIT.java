package org.healthcode.scan;

import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.healthcode.infra.testing.Scrape;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.code.token.KeyStatus;
import org.healthcode.kit.code.token.SigningKey;
import org.healthcode.kit.code.token.VerificationKey;
import org.healthcode.scan.trust.TrustedKeys;
import org.junit.jupiter.api.Test;

/**
 * The national trust list as a checkpoint lives with it: served by a hub over HTTP (the test's
 * {@link ScanServiceResource}), signed by the pinned anchor, refreshed (here when the test says so).
 * Guangdong (440000) is trusted only through it.
 */
@QuarkusTest
@QuarkusTestResource(ScanServiceResource.class)
class NationalTrustListIT {

    @Inject
    TrustedKeys trust;

    private final Path hub = Path.of(ConfigProvider.getConfig().getValue("test.national-hub.dir", String.class));
    private final SigningKey anchor = ScanServiceResource.anchorKey(secret("test.anchor-key"));
    private final VerificationKey g1 = ScanServiceResource.signingKey("g1", secret("test.code-key.g1")).verificationKey();

    @Test
    void codesOfAListedProvinceVerifyUntilTheHubRevokesTheirKeyAndABadOrOldListOrAnAbsentHubChangesNothing()
            throws Exception {
        String venueId = Checkpoints.venue("MARKET").getString("id");
        String code = Checkpoints.code("g1", "440000", Checkpoints.subject(), Colour.GREEN, false);

        // Version 1, fetched at start, lists Guangdong's g1.
        assertEquals(1, readiness().get("version"));
        Checkpoints.scan(code, venueId, Checkpoints.scanId()).statusCode(200).body("decision", equalTo("ALLOW"))
                .body("province", equalTo("440000"));

        // A list revoking g1 but signed by another key than the pinned anchor (same kid) is refused.
        SigningKey impostor = ScanServiceResource.anchorKey(SigningKey.generatePkcs8());
        serve(ScanServiceResource.nationalList(3, g1, KeyStatus.REVOKED).sign(impostor));
        assertFalse(trust.refreshNationalList());
        assertEquals(1, readiness().get("version"), "the previous list is kept");
        assertEquals("REFUSED", readiness().get("lastOutcome"));
        Checkpoints.scan(code, venueId, Checkpoints.scanId()).statusCode(200).body("decision", equalTo("ALLOW"));

        // Version 2, signed by the anchor, revokes g1: the next scan of the same code is denied.
        serve(ScanServiceResource.nationalList(2, g1, KeyStatus.REVOKED).sign(anchor));
        assertTrue(trust.refreshNationalList());
        assertEquals(2, readiness().get("version"));
        Checkpoints.scan(code, venueId, Checkpoints.scanId()).statusCode(200).body("decision", equalTo("DENY"))
                .body("reason", equalTo("REVOKED_KEY")).body("subjectId", equalTo(null));

        // Version 1 again, validly signed (a replay): older than the list held, refused.
        serve(ScanServiceResource.nationalList(1, g1, KeyStatus.ACTIVE).sign(anchor));
        assertFalse(trust.refreshNationalList());
        assertEquals(2, readiness().get("version"));
        assertEquals("REFUSED", readiness().get("lastOutcome"));
        assertTrue(((String) readiness().get("lastProblem")).startsWith("OLDER_VERSION"));
        Checkpoints.scan(code, venueId, Checkpoints.scanId()).statusCode(200).body("reason", equalTo("REVOKED_KEY"));

        // The hub is unreachable: the last good list stays.
        Files.writeString(hub.resolve("down"), "");
        try {
            assertFalse(trust.refreshNationalList());
            assertEquals(2, readiness().get("version"));
            assertEquals("UNREACHABLE", readiness().get("lastOutcome"));
            Checkpoints.scan(code, venueId, Checkpoints.scanId()).statusCode(200).body("reason", equalTo("REVOKED_KEY"));
        } finally {
            Files.delete(hub.resolve("down"));
        }

        Scrape metrics = Scrape.of(get("/q/metrics").then().statusCode(200).extract().asString());
        assertEquals(2.0, metrics.sum("healthcode_trust_list_version", Map.of()));
        assertTrue(metrics.sum("healthcode_trust_list_age_seconds", Map.of()) >= 0);
        assertTrue(((Number) readiness().get("ageSeconds")).longValue() >= 0);
    }

    private void serve(String jws) throws Exception {
        Files.writeString(hub.resolve("trust-list.jws.new"), jws);
        Files.move(hub.resolve("trust-list.jws.new"), hub.resolve("trust-list.jws"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The data of the readiness check {@code national-trust-list}. */
    private static Map<String, Object> readiness() {
        return get("/q/health/ready").then().extract().jsonPath()
                .getMap("checks.find { it.name == 'national-trust-list' }.data");
    }

    private static byte[] secret(String property) {
        return Base64.getDecoder().decode(ConfigProvider.getConfig().getValue(property, String.class));
    }
}
