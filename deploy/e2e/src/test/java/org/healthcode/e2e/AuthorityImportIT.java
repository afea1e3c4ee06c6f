package org.healthcode.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.healthcode.e2e.CitizenJourneyIT.Citizen;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The health authority's data feeds through the gateway: an itinerary imported for a resident counts
 * like travel they declared, and the same file uploaded again changes nothing.
 */
// on the shared platform, before GovernanceIT ends the emergency there
@Order(2)
class AuthorityImportIT {

    private static final String PROVINCE = "330000";
    /** A city marked HIGH here, and a district of it the itinerary passes through. */
    private static final String HIGH_RISK_CITY = "510100";
    private static final String THROUGH = "510104";
    /** The first colours after the shared platform started can take longer than the usual 20 s. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static Platform platform;
    private final String authority = TestTokens.staff("authority-" + UUID.randomUUID(), "authority", PROVINCE);

    @BeforeAll
    static void platform() {
        platform = Platform.get();
        RestAssured.baseURI = platform.gatewayUrl();
        RestAssured.port = -1;
    }

    @Test
    void anImportedItineraryThroughAHighRiskRegionTurnsAResidentRedAndTheSameFileAgainChangesNothing() {
        Citizen resident = Citizen.registered();
        resident.declare(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(), "temperature", 36.5));
        resident.awaitCode("GREEN", c -> "GREEN".equals(c.getString("colour")), PATIENCE);
        given().auth().oauth2(authority).contentType(ContentType.JSON).body(Map.of("level", "HIGH"))
                .put("/api/v1/regions/" + HIGH_RISK_CITY + "/risk").then().statusCode(200);
        try {
            LocalDate today = platform.today();
            String file = "documentType,documentNumber,regions,from,to\n"
                    + "RESIDENT_ID," + resident.idNumber + "," + THROUGH + "," + today.minusDays(4) + ","
                    + today.minusDays(2) + "\n"
                    + "RESIDENT_ID,not-a-number," + THROUGH + "," + today.minusDays(4) + "," + today.minusDays(2) + "\n";

            JsonPath report = upload(file).then().statusCode(200).body("kind", equalTo("ITINERARY"))
                    .body("rows", equalTo(2)).body("accepted", equalTo(1)).body("duplicate", equalTo(false))
                    .body("refused.row", equalTo(List.of(2))).body("refused.field", equalTo(List.of("documentNumber")))
                    .extract().jsonPath();
            assertFalse(report.prettify().contains(resident.idNumber), "the report names no document number");

            // the rules count it as travel through a high-risk region (DESIGN §5): red, 14 days from leaving
            JsonPath red = resident.awaitCode("RED", c -> "RED".equals(c.getString("colour")), PATIENCE);
            assertEquals(List.of("HIGH_RISK_TRAVEL"), red.getList("reasons.code"));
            assertEquals(Platform.startOf(today.minusDays(2).plusDays(14)),
                    java.time.Instant.parse(red.getString("reasons[0].until")), "14 days from leaving");

            // the same file again: the first report, marked duplicate, and nothing applied
            upload(file).then().statusCode(200).body("importId", equalTo(report.getString("importId")))
                    .body("duplicate", equalTo(true)).body("accepted", equalTo(1));
            List<ConsumerRecord<String, String>> declared = KafkaTestClient.read("declaration-submitted",
                    r -> resident.subjectId().equals(r.key()), 3, Duration.ofSeconds(10));
            assertEquals(2, declared.size(), "the resident's own declaration and the one imported travel, no more");
            JsonPath still = resident.awaitCode("RED", c -> "RED".equals(c.getString("colour")));
            assertEquals(red.getList("reasons"), still.getList("reasons"));
        } finally {
            given().auth().oauth2(authority).contentType(ContentType.JSON).body(Map.of("level", "LOW"))
                    .put("/api/v1/regions/" + HIGH_RISK_CITY + "/risk").then().statusCode(200);
        }
    }

    @Test
    void onlyTheAuthorityImportsAndAFileOfAnotherTypeIsRefusedInTheErrorShape() {
        given().auth().oauth2(TestTokens.staff("checkpoint-" + UUID.randomUUID(), "checkpoint", PROVINCE))
                .contentType("text/csv").body("documentType\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/authority/imports/itineraries").then().statusCode(403);
        given().auth().oauth2(authority).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/authority/imports/itineraries").then().statusCode(415)
                .body("error", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    private static io.restassured.response.Response upload(String file) {
        return given().auth().oauth2(TestTokens.staff("authority-importer", "authority", PROVINCE))
                .contentType("text/csv").body(file.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/authority/imports/itineraries");
    }
}
