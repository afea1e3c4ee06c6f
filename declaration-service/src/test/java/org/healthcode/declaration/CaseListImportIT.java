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
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.healthcode.declaration.event.CaseReported;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The authority's case lists: each case published once by pseudonym, bad rows reported by field. */
@QuarkusTest
@QuarkusTestResource(DeclarationServiceResource.class)
class CaseListImportIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String HEADER = "documentType,documentNumber,status,reportedAt,onsetDate\n";
    private static final LocalDateTime REPORTED = LocalDateTime.now(ZONE).minusDays(1).truncatedTo(ChronoUnit.MINUTES);
    private static final LocalDate ONSET = LocalDate.now(ZONE).minusDays(3);

    private final ObjectMapper json = new ObjectMapper();

    private static Response upload(String account, String province, String contentType, String body) {
        return given().auth().oauth2(TestTokens.staff(account, "authority", province))
                .contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/v1/imports/cases");
    }

    private static String row(String type, String number, String status, Object reportedAt, Object onset) {
        return type + "," + number + "," + status + "," + reportedAt + "," + (onset == null ? "" : onset) + "\n";
    }

    private static String resolve(String account, String type, String number) {
        return given().auth().oauth2(TestTokens.staff(account, "authority", "330000"))
                .contentType("application/json").body(Map.of("documentType", type, "documentNumber", number))
                .post("/v1/subjects/resolve").then().statusCode(200).extract().path("subjectId");
    }

    @Test
    void eachCaseIsPublishedByPseudonymAndBadRowsAreReportedByField() throws Exception {
        String account = "authority-" + UUID.randomUUID();
        String a = People.passport();
        String b = People.residentId();
        String file = HEADER
                + row("PASSPORT", a, "CONFIRMED", REPORTED, ONSET)
                + row("RESIDENT_ID", b, "suspected", REPORTED.atZone(ZONE).toOffsetDateTime(), null)
                + row("PASSPORT", People.passport(), "CLEARED", REPORTED, null)
                + row("PASSPORT", People.passport(), "CONFIRMED", REPORTED.plusDays(2), null)
                + row("PASSPORT", People.passport(), "CONFIRMED", REPORTED.minusDays(40), null)
                + row("PASSPORT", People.passport(), "CONFIRMED", "yesterday", null)
                + row("PASSPORT", People.passport(), "CONFIRMED", REPORTED, "soon")
                + row("PASSPORT", "", "CONFIRMED", REPORTED, null);

        String report = upload(account, "330000", "text/csv", file).then().statusCode(200)
                .body("kind", equalTo("CASE_LIST")).body("rows", equalTo(8)).body("accepted", equalTo(2))
                .body("duplicate", equalTo(false))
                .body("refused.row", equalTo(List.of(3, 4, 5, 6, 7, 8)))
                .body("refused.field", equalTo(List.of("status", "reportedAt", "reportedAt", "reportedAt",
                        "onsetDate", "documentNumber")))
                .body("refused.code", equalTo(List.of("INVALID_FIELD", "INVALID_FIELD", "INVALID_FIELD",
                        "INVALID_FIELD", "INVALID_FIELD", "MISSING_FIELD")))
                .extract().asString();
        assertFalse(report.contains(a) || report.contains(b), "no document number echoed");

        String subjectA = resolve(account, "PASSPORT", a);
        String subjectB = resolve(account, "RESIDENT_ID", b);
        JsonNode eventA = only(subjectA);
        JsonNode eventB = only(subjectB);
        String text = eventA.toString() + eventB;
        assertFalse(text.contains(a) || text.contains(b), "no document number published");
        assertFalse(text.contains("documentNumber") || text.contains("name"), "nothing but the pseudonym");

        JsonNode data = eventA.get("data");
        assertEquals(subjectA, data.get("subjectId").asText());
        assertEquals("CONFIRMED", data.get("status").asText());
        assertEquals(REPORTED.atZone(ZONE).toInstant(), Instant.parse(data.get("reportedAt").asText()),
                "a local time is the province's");
        assertEquals(ONSET.toString(), data.get("onsetDate").asText());
        assertEquals("330000", data.get("province").asText());
        assertEquals(1, data.get("importRow").asInt());
        assertEquals("SUSPECTED", eventB.get("data").get("status").asText());
        assertTrue(eventB.get("data").get("onsetDate").isNull(), "no onset named");
        assertEquals(2, eventB.get("data").get("importRow").asInt());
        assertEquals(data.get("importId"), eventB.get("data").get("importId"));

        assertEquals("kind=CASE_LIST rows=8 accepted=2 repeated=0 refused=6",
                Audit.byActor(account, "IMPORT_APPLIED").get(0).get("detail"));
        assertEquals(2, Audit.byActor(account, "AUTHORITY_CASE_IMPORTED").size());
    }

    @Test
    void theSameFileTwiceIsOneImportAndTheSameCaseIsNotPublishedAgainButANewStatusIs() throws Exception {
        String account = "authority-" + UUID.randomUUID();
        String person = People.passport();
        String file = HEADER + row("PASSPORT", person, "SUSPECTED", REPORTED, null);
        String importId = upload(account, "330000", "text/csv", file).then().statusCode(200)
                .body("accepted", equalTo(1)).extract().path("importId");
        upload(account, "330000", "text/csv", file).then().statusCode(200).body("importId", equalTo(importId))
                .body("duplicate", equalTo(true)).body("accepted", equalTo(1));

        // suspected again (another file): nothing new; confirmed: a second fact
        String ndjson = "{\"documentType\":\"PASSPORT\",\"documentNumber\":\"" + person + "\",\"status\":\"SUSPECTED\","
                + "\"reportedAt\":\"" + REPORTED.plusHours(1) + "\"}\n"
                + "{\"documentType\":\"PASSPORT\",\"documentNumber\":\"" + person + "\",\"status\":\"CONFIRMED\","
                + "\"reportedAt\":\"" + REPORTED.plusHours(2).atZone(ZONE).toInstant() + "\",\"onsetDate\":\""
                + ONSET + "\"}\n";
        upload(account, "330000", "application/x-ndjson", ndjson).then().statusCode(200)
                .body("rows", equalTo(2)).body("accepted", equalTo(1)).body("repeated", equalTo(1));
        upload(account, "330000", "text/csv", HEADER + row("PASSPORT", person, "CONFIRMED", REPORTED.plusHours(3),
                null)).then().statusCode(200).body("accepted", equalTo(0)).body("repeated", equalTo(1));

        String subject = resolve(account, "PASSPORT", person);
        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(CaseReported.TOPIC,
                r -> subject.equals(r.key()), 3, Duration.ofSeconds(20));
        assertEquals(2, records.size(), "suspected once, confirmed once, however many files name them");
        assertEquals(List.of("SUSPECTED", "CONFIRMED"), records.stream()
                .map(r -> readStatus(r.value())).toList());
        assertEquals(2, Audit.byActor(account, "AUTHORITY_CASE_IMPORTED").size());
    }

    @Test
    void aPersonOfAnotherProvinceIsThatProvincesAndTheRowIsRefused() {
        String account = "authority-" + UUID.randomUUID();
        String passport = People.passport();
        People.register(People.account(), People.registration("段正淳", "PASSPORT", passport, People.phone()))
                .statusCode(201);
        String unregistered = People.passport();
        upload(account, "420000", "text/csv", HEADER + row("PASSPORT", passport, "CONFIRMED", REPORTED, null)
                + row("PASSPORT", unregistered, "CONFIRMED", REPORTED, null))
                .then().statusCode(200).body("accepted", equalTo(1))
                .body("refused.row", equalTo(List.of(1)))
                .body("refused.code", equalTo(List.of("FORBIDDEN_PROVINCE")));
        assertEquals(1, Audit.byActor(account, "CROSS_PROVINCE_READ").size(), "the refusal is the person's province's");
    }

    @Test
    void onlyTheAuthorityOfAProvinceImportsAndABadFileChangesNothing() {
        String account = "authority-" + UUID.randomUUID();
        upload(account, "330000", "text/csv", "documentType,documentNumber,status\nPASSPORT,E1,CONFIRMED\n")
                .then().statusCode(400).body("error", equalTo("IMPORT_MALFORMED"));
        upload(account, "330000", "application/json", "[]").then().statusCode(415);
        assertTrue(Audit.byActor(account).isEmpty(), "nothing taken in");
        given().auth().oauth2(TestTokens.staff(account, "checkpoint", "330000")).contentType("text/csv")
                .body(HEADER).post("/v1/imports/cases").then().statusCode(403);
        given().auth().oauth2(TestTokens.staff(account, "authority", null)).contentType("text/csv")
                .body(HEADER + row("PASSPORT", People.passport(), "CONFIRMED", REPORTED, null))
                .post("/v1/imports/cases").then().statusCode(403).body("error", equalTo("NO_PROVINCE"));
    }

    private String readStatus(String value) {
        try {
            return json.readTree(value).get("data").get("status").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode only(String subjectId) throws Exception {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(CaseReported.TOPIC,
                r -> subjectId.equals(r.key()), 1, Duration.ofSeconds(60));
        assertEquals(1, records.size(), "the case's event was published");
        return json.readTree(records.get(0).value());
    }
}
