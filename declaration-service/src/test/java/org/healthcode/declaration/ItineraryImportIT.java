package org.healthcode.declaration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.healthcode.declaration.event.DeclarationSubmitted;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The authority's itinerary imports: travel counted like declared travel, each fact once. */
@QuarkusTest
@QuarkusTestResource(DeclarationServiceResource.class)
class ItineraryImportIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String HEADER = "documentType,documentNumber,regions,from,to\n";

    @Inject
    Pool pool;

    private final ObjectMapper json = new ObjectMapper();

    private static Response upload(String account, String contentType, String body) {
        return given().auth().oauth2(TestTokens.staff(account, "authority", "330000"))
                .contentType(contentType).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/v1/imports/itineraries");
    }

    private static String row(String type, String number, String regions) {
        return type + "," + number + "," + regions + "," + TODAY.minusDays(4) + "," + TODAY.minusDays(2) + "\n";
    }

    @Test
    void eachGoodRowBecomesAuthorityTravelOfThePseudonymAndBadRowsAreReportedByNumberAndField() throws Exception {
        String account = "authority-" + UUID.randomUUID();
        String registeredPassport = People.passport();
        String registered = People.register(People.account(), People.registration("萧远山", "PASSPORT",
                registeredPassport, People.phone())).statusCode(201).extract().path("subjectId");
        String unregisteredId = People.residentId();
        String badId = unregisteredId.substring(0, 17) + (unregisteredId.charAt(17) == '0' ? "1" : "0");
        String file = HEADER
                + row("PASSPORT", registeredPassport, "\"420106;110101\"")
                + row("RESIDENT_ID", unregisteredId, "420106")
                + row("RESIDENT_ID", badId, "420106")
                + row("PASSPORT", People.passport(), "999999")
                + "PASSPORT,,420106,,\n";

        JsonPath report = upload(account, "text/csv", file).then().statusCode(200)
                .body("kind", equalTo("ITINERARY")).body("rows", equalTo(5)).body("accepted", equalTo(2))
                .body("repeated", equalTo(0)).body("duplicate", equalTo(false))
                .body("refused.row", equalTo(List.of(3, 4, 5)))
                .body("refused.field", equalTo(List.of("documentNumber", "regions", "documentNumber")))
                .body("refused.code", equalTo(List.of("INVALID_FIELD", "INVALID_FIELD", "MISSING_FIELD")))
                .extract().jsonPath();
        String text = report.prettify();
        assertFalse(text.contains(badId) || text.contains(registeredPassport) || text.contains(unregisteredId),
                "the report echoes no document number");

        JsonNode event = json.readTree(only(registered).value()).get("data");
        assertEquals("TRAVEL", event.get("kind").asText());
        assertEquals("AUTHORITY", event.get("source").asText());
        assertEquals("330106", event.get("regionCode").asText(), "a registered person's own region");
        assertEquals(2, event.get("travel").size());
        assertTrue(event.get("temperature").isNull());
        assertEquals(TODAY.minusDays(2).toString(), event.get("travel").get(0).get("to").asText());

        // the person who has not registered yet has the fact under the pseudonym they will have
        String future = given().auth().oauth2(TestTokens.staff(account, "authority", "330000"))
                .contentType("application/json").body(Map.of("documentType", "RESIDENT_ID",
                        "documentNumber", unregisteredId))
                .post("/v1/subjects/resolve").then().statusCode(200).extract().path("subjectId");
        JsonNode unregistered = json.readTree(only(future).value()).get("data");
        assertEquals("330000", unregistered.get("regionCode").asText(), "the importing province stands in");

        List<Map<String, Object>> trail = Audit.byActor(account, "IMPORT_APPLIED");
        assertEquals(1, trail.size());
        assertEquals("kind=ITINERARY rows=5 accepted=2 repeated=0 refused=3", trail.get(0).get("detail"));
        assertEquals(2, Audit.byActor(account, "AUTHORITY_TRAVEL_IMPORTED").size());
        assertEquals(2L, count("select count(*) from declaration where source = 'AUTHORITY' and subject_id in ($1, $2)",
                registered, future));
    }

    @Test
    void theSameFileTwiceIsOneImportAndAnOverlappingFileAddsOnlyItsNewRows() {
        String account = "authority-" + UUID.randomUUID();
        String first = People.passport();
        String second = People.passport();
        String file = HEADER + row("PASSPORT", first, "420106");
        String importId = upload(account, "text/csv", file).then().statusCode(200).body("accepted", equalTo(1))
                .extract().path("importId");
        upload(account, "text/csv", file).then().statusCode(200).body("importId", equalTo(importId))
                .body("duplicate", equalTo(true)).body("accepted", equalTo(1));

        // the same row again in NDJSON, with a new one: only the new one is applied
        String ndjson = "{\"documentType\":\"PASSPORT\",\"documentNumber\":\"" + first + "\",\"regions\":[\"420106\"],"
                + "\"from\":\"" + TODAY.minusDays(4) + "\",\"to\":\"" + TODAY.minusDays(2) + "\"}\n"
                + "{\"documentType\":\"PASSPORT\",\"documentNumber\":\"" + second + "\",\"regions\":\"420106\","
                + "\"from\":\"" + TODAY.minusDays(4) + "\",\"to\":\"" + TODAY.minusDays(2) + "\"}\n"
                + "[1,2]\n";
        upload(account, "application/x-ndjson", ndjson).then().statusCode(200)
                .body("importId", org.hamcrest.Matchers.not(equalTo(importId)))
                .body("rows", equalTo(3)).body("accepted", equalTo(1)).body("repeated", equalTo(1))
                .body("refused.code", equalTo(List.of("MALFORMED_ROW"))).body("duplicate", equalTo(false));

        assertEquals(2, Audit.byActor(account, "AUTHORITY_TRAVEL_IMPORTED").size(), "each fact applied once");
        assertEquals(1, Audit.byActor(account, "IMPORT_REPEATED").size());
        assertEquals(2, Audit.byActor(account, "IMPORT_APPLIED").size());
    }

    @Test
    void aPersonOfAnotherProvinceIsThatProvincesAndTheRowIsRefused() {
        String account = "authority-" + UUID.randomUUID();
        String passport = People.passport();
        People.register(People.account(), People.registration("段正淳", "PASSPORT", passport, People.phone()))
                .statusCode(201);
        given().auth().oauth2(TestTokens.staff(account, "authority", "420000")).contentType("text/csv")
                .body(HEADER + row("PASSPORT", passport, "420106")).post("/v1/imports/itineraries")
                .then().statusCode(200).body("accepted", equalTo(0))
                .body("refused.code", equalTo(List.of("FORBIDDEN_PROVINCE")));
        assertEquals(1, Audit.byActor(account, "CROSS_PROVINCE_READ").size());
    }

    @Test
    void whatIsWrongWithTheWholeFileIsA4xxAndStoresNothing() {
        String account = "authority-" + UUID.randomUUID();
        upload(account, "application/json", "[]").then().statusCode(415)
                .body("error", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        upload(account, "text/csv", HEADER).then().statusCode(400).body("error", equalTo("IMPORT_EMPTY"));
        upload(account, "text/csv", "documentType,number,regions,from,to\nPASSPORT,E1,420106,,\n")
                .then().statusCode(400).body("error", equalTo("IMPORT_MALFORMED"))
                .body("details.field", equalTo(List.of("documentNumber")));
        upload(account, "text/csv", HEADER + "PASSPORT,E12345678,420106,2026-01-01,2026-01-02,SURPLUS\n")
                .then().statusCode(400).body("error", equalTo("IMPORT_MALFORMED"));
        upload(account, "text/csv", HEADER + row("PASSPORT", People.passport(), "420106").repeat(1001))
                .then().statusCode(413).body("error", equalTo("IMPORT_TOO_MANY_ROWS"));
        assertTrue(Audit.byActor(account).isEmpty(), "nothing taken in");

        given().auth().oauth2(TestTokens.staff(account, "checkpoint", "330000")).contentType("text/csv")
                .body(HEADER).post("/v1/imports/itineraries").then().statusCode(403);
        given().auth().oauth2(TestTokens.staff(account, "authority", null)).contentType("text/csv")
                .body(HEADER + row("PASSPORT", People.passport(), "420106")).post("/v1/imports/itineraries")
                .then().statusCode(403).body("error", equalTo("NO_PROVINCE"));
    }

    private static ConsumerRecord<String, String> only(String subjectId) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(DeclarationSubmitted.TOPIC,
                r -> subjectId.equals(r.key()), 1, Duration.ofSeconds(60));
        assertEquals(1, records.size(), "the subject's event was published");
        return records.get(0);
    }

    private long count(String sql, String first, String second) {
        return pool.preparedQuery(sql).execute(Tuple.of(first, second)).await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong(0);
    }
}
