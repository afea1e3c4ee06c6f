package org.healthcode.scan;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.healthcode.kit.code.Colour;
import org.junit.jupiter.api.Test;

/**
 * A province whose policy does not take a visitor's code at its word
 * ({@code scan.foreign-colour-fallback=DENY}): when the home cannot answer, DENY
 * {@code HOME_PROVINCE_UNREACHABLE}; when it answers, its colour decides as ever.
 */
@QuarkusTest
@TestProfile(FederationDenyPolicyIT.DenyPolicy.class)
@QuarkusTestResource(ScanServiceResource.class)
class FederationDenyPolicyIT {

    public static class DenyPolicy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("scan.foreign-colour-fallback", "DENY");
        }
    }

    private final Path hub = Path.of(ConfigProvider.getConfig().getValue("test.national-hub.dir", String.class));

    @Test
    void aVisitorWhoseHomeCannotBeAskedIsDeniedWithoutAColour() throws Exception {
        String venueId = Checkpoints.venue("HOSPITAL").getString("id");
        Checkpoints.scan(Checkpoints.code("d1", "370000", Checkpoints.subject(), Colour.GREEN, false), venueId,
                Checkpoints.scanId()).statusCode(200).body("decision", equalTo("DENY"))
                .body("reason", equalTo("HOME_PROVINCE_UNREACHABLE")).body("colour", nullValue())
                .body("colourSource", nullValue()).body("province", equalTo("370000"));
        Checkpoints.scan(Checkpoints.code("f1", "350000", Checkpoints.subject(), Colour.GREEN, false), venueId,
                Checkpoints.scanId()).statusCode(200).body("reason", equalTo("HOME_PROVINCE_UNREACHABLE"));

        String green = Checkpoints.subject();
        Files.writeString(hub.resolve("fujian-colour-" + green), "GREEN");
        Checkpoints.scan(Checkpoints.code("f1", "350000", green, Colour.GREEN, false), venueId, Checkpoints.scanId())
                .statusCode(200).body("decision", equalTo("ALLOW")).body("colourSource", equalTo("ISSUER"));
    }
}
