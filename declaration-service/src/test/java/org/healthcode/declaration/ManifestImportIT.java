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
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.healthcode.declaration.event.ManifestPassengerImported;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The authority's transport manifests: each passenger in their carriage and seat, published once. */
@QuarkusTest
@QuarkusTestResource(DeclarationServiceResource.class)
class ManifestImportIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String HEADER = "documentType,documentNumber,mode,vehicle,departure,arrival,carriage,seat\n";
    private static final LocalDateTime DEPARTURE = LocalDateTime.now(ZONE).minusDays(2).truncatedTo(ChronoUnit.MINUTES);

    private final ObjectMapper json = new ObjectMapper();

    private static Response upload(String account, String contentType, String body) {
        return given().auth().oauth2(TestTokens.staff(account, "authority", "330000"))
                .contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/v1/imports/manifests");
    }

    private static String row(String type, String number, String vehicle, String carriage, String seat) {
        return type + "," + number + ",TRAIN," + vehicle + "," + DEPARTURE + "," + DEPARTURE.plusHours(4) + ","
                + carriage + "," + seat + "\n";
    }

    private static String resolve(String account, String type, String number) {
        return given().auth().oauth2(TestTokens.staff(account, "authority", "330000"))
                .contentType("application/json").body(Map.of("documentType", type, "documentNumber", number))
                .post("/v1/subjects/resolve").then().statusCode(200).extract().path("subjectId");
    }

    @Test
    void eachPassengerIsPublishedInTheirCarriageAndSeatAndBadRowsAreReportedByField() throws Exception {
        String account = "authority-" + UUID.randomUUID();
        String vehicle = "G" + (1000 + (int) (Math.random() * 8999));
        String a = People.passport();
        String b = People.residentId();
        String c = People.passport();
        String file = HEADER
                + row("PASSPORT", a, vehicle, "05", "12F")
                + row("RESIDENT_ID", b, vehicle.toLowerCase(), "05", "14a")
                + row("PASSPORT", c, vehicle, "06", "")
                + "PASSPORT," + People.passport() + ",SHIP," + vehicle + "," + DEPARTURE + "," + DEPARTURE.plusHours(4)
                + ",05,12F\n"
                + row("PASSPORT", People.passport(), vehicle, "05", "window")
                + "PASSPORT," + People.passport() + ",TRAIN," + vehicle + "," + DEPARTURE + "," + DEPARTURE
                + ",05,12F\n"
                + "PASSPORT," + People.passport() + ",TRAIN," + vehicle + ",yesterday," + DEPARTURE + ",05,12F\n"
                + row("PASSPORT", People.passport(), vehicle, "", "01A");

        String report = upload(account, "text/csv", file).then().statusCode(200)
                .body("kind", equalTo("MANIFEST")).body("rows", equalTo(8)).body("accepted", equalTo(3))
                .body("duplicate", equalTo(false))
                .body("refused.row", equalTo(List.of(4, 5, 6, 7, 8)))
                .body("refused.field", equalTo(List.of("mode", "seat", "arrival", "departure", "carriage")))
                .body("refused.code", equalTo(List.of("INVALID_FIELD", "INVALID_FIELD", "INVALID_FIELD",
                        "INVALID_FIELD", "MISSING_FIELD")))
                .extract().asString();
        assertFalse(report.contains(a) || report.contains(b) || report.contains(c), "no document number echoed");

        String subjectA = resolve(account, "PASSPORT", a);
        String subjectB = resolve(account, "RESIDENT_ID", b);
        String subjectC = resolve(account, "PASSPORT", c);
        JsonNode eventA = only(subjectA);
        JsonNode eventB = only(subjectB);
        JsonNode eventC = only(subjectC);
        String text = eventA.toString() + eventB + eventC;
        assertFalse(text.contains(a) || text.contains(b) || text.contains(c), "no document number published");
        assertFalse(text.contains("documentNumber"), "nothing but the pseudonym");

        JsonNode data = eventA.get("data");
        assertEquals("TRAIN", data.get("mode").asText());
        assertEquals(vehicle, data.get("vehicle").asText());
        assertEquals("05", data.get("carriage").asText());
        assertEquals("12F", data.get("seat").asText());
        assertEquals(DEPARTURE.atZone(ZONE).toInstant(), Instant.parse(data.get("departure").asText()),
                "a local time is the province's");
        assertEquals(DEPARTURE.plusHours(4).atZone(ZONE).toInstant(), Instant.parse(data.get("arrival").asText()));
        assertEquals("330000", data.get("province").asText());
        assertEquals("14A", eventB.get("data").get("seat").asText(), "a seat as on a ticket");
        assertEquals(data.get("venueId"), eventB.get("data").get("venueId"), "one carriage, one venue");
        assertFalse(data.get("venueId").equals(eventC.get("data").get("venueId")), "another carriage");
        assertTrue(eventC.get("data").get("seat").isNull(), "no seat named");
        assertEquals(ManifestPassengerImported.venueOf("TRAIN", vehicle, DEPARTURE.toLocalDate(), "05").toString(),
                data.get("venueId").asText());

        assertEquals("kind=MANIFEST rows=8 accepted=3 repeated=0 refused=5",
                Audit.byActor(account, "IMPORT_APPLIED").get(0).get("detail"));
        assertEquals(3, Audit.byActor(account, "AUTHORITY_MANIFEST_IMPORTED").size());
    }

    @Test
    void theSameFileTwiceIsOneImportAndARowAlreadyTakenInIsNotPublishedAgain() throws Exception {
        String account = "authority-" + UUID.randomUUID();
        String vehicle = "D" + (1000 + (int) (Math.random() * 8999));
        String first = People.passport();
        String second = People.passport();
        String file = HEADER + row("PASSPORT", first, vehicle, "03", "02C");
        String importId = upload(account, "text/csv", file).then().statusCode(200).body("accepted", equalTo(1))
                .extract().path("importId");
        upload(account, "text/csv", file).then().statusCode(200).body("importId", equalTo(importId))
                .body("duplicate", equalTo(true)).body("accepted", equalTo(1));

        String ndjson = "{\"documentType\":\"PASSPORT\",\"documentNumber\":\"" + first + "\",\"mode\":\"TRAIN\","
                + "\"vehicle\":\"" + vehicle + "\",\"departure\":\"" + DEPARTURE.atZone(ZONE).toOffsetDateTime()
                + "\",\"arrival\":\"" + DEPARTURE.plusHours(4).atZone(ZONE).toInstant() + "\",\"carriage\":\"03\","
                + "\"seat\":\"2C\"}\n"
                + "{\"documentType\":\"PASSPORT\",\"documentNumber\":\"" + second + "\",\"mode\":\"TRAIN\","
                + "\"vehicle\":\"" + vehicle + "\",\"departure\":\"" + DEPARTURE + "\",\"arrival\":\""
                + DEPARTURE.plusHours(4) + "\",\"carriage\":\"03\",\"seat\":\"03C\"}\n";
        upload(account, "application/x-ndjson", ndjson).then().statusCode(200)
                .body("rows", equalTo(2)).body("accepted", equalTo(1)).body("repeated", equalTo(1));

        String subject = resolve(account, "PASSPORT", first);
        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(ManifestPassengerImported.TOPIC,
                r -> subject.equals(r.key()), 2, Duration.ofSeconds(20));
        assertEquals(1, records.size(), "the passenger is published once, however many files name them");
        assertEquals(2, Audit.byActor(account, "AUTHORITY_MANIFEST_IMPORTED").size());
    }

    @Test
    void onlyTheAuthorityOfAProvinceImportsAndABadFileChangesNothing() {
        String account = "authority-" + UUID.randomUUID();
        upload(account, "text/csv", "documentType,documentNumber,mode\nPASSPORT,E1,TRAIN\n").then().statusCode(400)
                .body("error", equalTo("IMPORT_MALFORMED"));
        assertTrue(Audit.byActor(account).isEmpty(), "nothing taken in");
        given().auth().oauth2(TestTokens.staff(account, "checkpoint", "330000")).contentType("text/csv")
                .body(HEADER).post("/v1/imports/manifests").then().statusCode(403);
        given().auth().oauth2(TestTokens.staff(account, "authority", null)).contentType("text/csv")
                .body(HEADER + row("PASSPORT", People.passport(), "G1", "01", "01A")).post("/v1/imports/manifests")
                .then().statusCode(403).body("error", equalTo("NO_PROVINCE"));
    }

    private JsonNode only(String subjectId) throws Exception {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(ManifestPassengerImported.TOPIC,
                r -> subjectId.equals(r.key()), 1, Duration.ofSeconds(60));
        assertEquals(1, records.size(), "the passenger's event was published");
        return json.readTree(records.get(0).value());
    }
}
