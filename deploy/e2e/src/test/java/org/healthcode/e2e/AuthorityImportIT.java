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
 * like travel they declared, a transport manifest makes a case's fellow passenger a close contact, a
 * case list's confirmed case turns red and so do its close contacts, and the same file uploaded again
 * changes nothing.
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

            JsonPath report = upload("itineraries", file).then().statusCode(200).body("kind", equalTo("ITINERARY"))
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
            upload("itineraries", file).then().statusCode(200).body("importId", equalTo(report.getString("importId")))
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
    void aManifestMakesAFellowPassengerWithinThreeRowsACloseContactAndTheSameFileAgainChangesNothing() {
        Citizen patient = Citizen.registered();
        Citizen near = Citizen.registered();
        Citizen far = Citizen.registered();
        Citizen otherCarriage = Citizen.registered();
        for (Citizen c : List.of(patient, near, far, otherCarriage)) {
            c.declare(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(), "temperature", 36.5));
            c.awaitCode("GREEN", code -> "GREEN".equals(code.getString("colour")), PATIENCE);
        }
        String vehicle = "G" + (1000 + new java.util.Random().nextInt(9000));
        java.time.LocalDateTime departure = platform.today().minusDays(2).atTime(8, 5);
        String trip = ",TRAIN," + vehicle + "," + departure + "," + departure.plusHours(4) + ",";
        String file = "documentType,documentNumber,mode,vehicle,departure,arrival,carriage,seat\n"
                + "RESIDENT_ID," + patient.idNumber + trip + "05,10F\n"
                + "RESIDENT_ID," + near.idNumber + trip + "05,12A\n"
                + "RESIDENT_ID," + far.idNumber + trip + "05,18F\n"
                + "RESIDENT_ID," + otherCarriage.idNumber + trip + "06,10F\n"
                + "RESIDENT_ID," + near.idNumber + trip + "05,no seat\n";

        JsonPath report = upload("manifests", file).then().statusCode(200).body("kind", equalTo("MANIFEST"))
                .body("rows", equalTo(5)).body("accepted", equalTo(4)).body("duplicate", equalTo(false))
                .body("refused.row", equalTo(List.of(5))).body("refused.field", equalTo(List.of("seat")))
                .extract().jsonPath();
        assertFalse(report.prettify().contains(near.idNumber), "the report names no document number");

        given().auth().oauth2(authority).contentType(ContentType.JSON)
                .body(Map.of("documentType", "RESIDENT_ID", "documentNumber", patient.idNumber, "status", "CONFIRMED"))
                .post("/api/v1/cases").then().statusCode(201);

        // two rows away in the same carriage: a close contact, red for 14 days from the trip
        JsonPath red = near.awaitCode("RED as a fellow passenger", c -> "RED".equals(c.getString("colour")), PATIENCE);
        assertEquals(List.of("CLOSE_CONTACT"), red.getList("reasons.code"));
        assertEquals(Platform.startOf(departure.toLocalDate().plusDays(14)),
                java.time.Instant.parse(red.getString("reasons[0].until")), "14 days from the trip");
        // eight rows away: no close contact, only same place and time
        JsonPath yellow = far.awaitCode("YELLOW as same place and time",
                c -> "YELLOW".equals(c.getString("colour")), PATIENCE);
        assertEquals(List.of("SPATIOTEMPORAL"), yellow.getList("reasons.code"));
        assertEquals("GREEN", otherCarriage.code().getString("colour"), "another carriage is nobody's contact");

        // the same file again: the first report, marked duplicate, and no passenger published twice
        upload("manifests", file).then().statusCode(200).body("importId", equalTo(report.getString("importId")))
                .body("duplicate", equalTo(true)).body("accepted", equalTo(4));
        List<ConsumerRecord<String, String>> passengers = KafkaTestClient.read("manifest-passenger-imported",
                r -> near.subjectId().equals(r.key()), 2, Duration.ofSeconds(10));
        assertEquals(1, passengers.size(), "the passenger published once");
        assertFalse(passengers.get(0).value().contains(near.idNumber), "by pseudonym only");
    }

    @Test
    void aCaseListMakesItsConfirmedCaseRedAndTheCasesCoVisitorACloseContactAndTheSameFileAgainChangesNothing() {
        String checkpoint = TestTokens.staff("checkpoint-" + UUID.randomUUID(), "checkpoint", PROVINCE);
        String shop = given().auth().oauth2(checkpoint).contentType(ContentType.JSON)
                .body(Map.of("name", "Qinghefang Teahouse", "type", "MALL", "regionCode", "330106", "address",
                        "2 Demo Road"))
                .post("/api/v1/venues").then().statusCode(201).extract().path("id");
        Citizen patient = Citizen.registered();
        Citizen neighbour = Citizen.registered();
        for (Citizen c : List.of(patient, neighbour)) {
            c.declare(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(), "temperature", 36.5));
            c.awaitCode("GREEN", code -> "GREEN".equals(code.getString("colour")), PATIENCE);
        }
        admitted(checkpoint, patient, shop);
        admitted(checkpoint, neighbour, shop);

        String reportedAt = platform.clock().instant().minusSeconds(60).toString();
        String file = "documentType,documentNumber,status,reportedAt,onsetDate\n"
                + "RESIDENT_ID," + patient.idNumber + ",CONFIRMED," + reportedAt + ","
                + platform.today().minusDays(1) + "\n"
                + "RESIDENT_ID," + neighbour.idNumber + ",RECOVERED," + reportedAt + ",\n";
        JsonPath report = upload("cases", file).then().statusCode(200).body("kind", equalTo("CASE_LIST"))
                .body("rows", equalTo(2)).body("accepted", equalTo(1)).body("duplicate", equalTo(false))
                .body("refused.row", equalTo(List.of(2))).body("refused.field", equalTo(List.of("status")))
                .extract().jsonPath();
        assertFalse(report.prettify().contains(patient.idNumber), "the report names no document number");

        JsonPath confirmed = patient.awaitCode("RED as a confirmed case",
                c -> c.getList("reasons.code").contains("CONFIRMED_CASE"), PATIENCE);
        assertEquals("RED", confirmed.getString("colour"));
        JsonPath contact = neighbour.awaitCode("RED as a close contact", c -> "RED".equals(c.getString("colour")),
                PATIENCE);
        assertEquals(List.of("CLOSE_CONTACT"), contact.getList("reasons.code"));

        // the same file again: the first report, marked duplicate; one case, one contact, nothing new
        upload("cases", file).then().statusCode(200).body("importId", equalTo(report.getString("importId")))
                .body("duplicate", equalTo(true)).body("accepted", equalTo(1));
        List<ConsumerRecord<String, String>> reported = KafkaTestClient.read("case-reported",
                r -> patient.subjectId().equals(r.key()), 2, Duration.ofSeconds(10));
        assertEquals(1, reported.size(), "the case published once");
        assertFalse(reported.get(0).value().contains(patient.idNumber), "by pseudonym only");
        assertEquals(1, KafkaTestClient.read("case-confirmed", r -> patient.subjectId().equals(r.key()), 2,
                Duration.ofSeconds(5)).size(), "one case");
        assertEquals(1, KafkaTestClient.read("contact-identified", r -> neighbour.subjectId().equals(r.key()), 2,
                Duration.ofSeconds(5)).size(), "one contact");
        assertEquals(contact.getList("reasons"), neighbour.code().getList("reasons"));
    }

    @Test
    void onlyTheAuthorityImportsAndAFileOfAnotherTypeIsRefusedInTheErrorShape() {
        given().auth().oauth2(TestTokens.staff("checkpoint-" + UUID.randomUUID(), "checkpoint", PROVINCE))
                .contentType("text/csv").body("documentType\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/authority/imports/itineraries").then().statusCode(403);
        given().auth().oauth2(authority).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/authority/imports/itineraries").then().statusCode(415)
                .body("error", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        given().auth().oauth2(TestTokens.staff("checkpoint-" + UUID.randomUUID(), "checkpoint", PROVINCE))
                .contentType("text/csv").body("documentType\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/authority/imports/manifests").then().statusCode(403);
        given().auth().oauth2(TestTokens.staff("checkpoint-" + UUID.randomUUID(), "checkpoint", PROVINCE))
                .contentType("text/csv").body("documentType\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/authority/imports/cases").then().statusCode(403);
    }

    /** Scans a green citizen in, again until the checkpoint's copy of the colours has it (as TracingJourneyIT). */
    private static void admitted(String checkpoint, Citizen citizen, String venue) {
        CitizenJourneyIT.await("ALLOW at the checkpoint", () -> given().auth().oauth2(checkpoint)
                        .contentType(ContentType.JSON).body(Map.of("token", citizen.code().getString("token"), "venueId",
                                venue, "scanId", UUID.randomUUID().toString())).post("/api/v1/scans"),
                scan -> "ALLOW".equals(scan.getString("decision")));
    }

    private static io.restassured.response.Response upload(String kind, String file) {
        return given().auth().oauth2(TestTokens.staff("authority-importer", "authority", PROVINCE))
                .contentType("text/csv").body(file.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/authority/imports/" + kind);
    }
}
