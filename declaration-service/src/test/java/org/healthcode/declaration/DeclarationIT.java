package org.healthcode.declaration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.healthcode.declaration.event.DeclarationSubmitted;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DeclarationServiceResource.class)
class DeclarationIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    Pool pool;
    @Inject
    ObjectMapper json;

    @Test
    void aDeclarationIsStoredAndPublishedOnceWithoutIdentity() throws Exception {
        String account = People.account();
        String name = "诸葛孔明";
        String document = People.residentId();
        String phone = People.phone();
        JsonPath person = People.register(account, People.registration(name, "RESIDENT_ID", document, phone))
                .statusCode(201).extract().jsonPath();
        String subjectId = person.getString("subjectId");

        JsonPath accepted = given().auth().oauth2(TestTokens.citizen(account)).contentType(ContentType.JSON)
                .body(fullDeclaration()).post("/v1/persons/me/declarations")
                .then().statusCode(201)
                .body("subjectId", equalTo(subjectId)).body("kind", equalTo("FULL"))
                .extract().jsonPath();

        ConsumerRecord<String, String> record = only(subjectId);
        JsonNode event = json.readTree(record.value());
        assertEquals("cn.healthcode.declaration-submitted", event.get("type").asText());
        assertEquals(subjectId, event.get("subject").asText());
        JsonNode data = event.get("data");
        assertEquals(accepted.getString("id"), data.get("declarationId").asText());
        assertEquals(accepted.getString("declaredAt"), data.get("declaredAt").asText());
        assertEquals("FULL", data.get("kind").asText());
        assertEquals("330106", data.get("regionCode").asText());
        assertEquals("420106", data.get("travel").get(0).get("regionCode").asText());
        assertEquals(TODAY.minusDays(3).toString(), data.get("travel").get(0).get("to").asText());
        assertTrue(data.get("contactWithCase").asBoolean());
        assertEquals(List.of("FEVER", "DRY_COUGH"), List.of(data.get("symptoms").get(0).asText(),
                data.get("symptoms").get(1).asText()));
        assertEquals(37.9, data.get("temperature").asDouble());
        assertEquals(3, data.get("vaccination").get("doses").asInt());
        assertEquals("CA982", data.get("inbound").get("flight").asText());
        json.treeToValue(data, DeclarationSubmitted.class);
        for (String secret : new String[] {name, document, phone, person.getString("maskedName"),
                person.getString("maskedDocumentNumber"), person.getString("maskedPhone")}) {
            assertFalse(record.value().contains(secret), "the event carries identity data");
        }
        assertEquals(1L, count("select count(*) from declaration where subject_id = $1 and kind = 'FULL' "
                + "and payload -> 'inbound' ->> 'port' = 'PVG'", subjectId));
    }

    @Test
    void aCheckinIsPublishedAsADailyCheckin() throws Exception {
        String account = People.account();
        String subjectId = People.registerSelf(account);
        given().auth().oauth2(TestTokens.citizen(account)).contentType(ContentType.JSON)
                .body(Map.of("symptoms", List.of("FATIGUE"), "temperature", 36.6))
                .post("/v1/persons/me/checkins")
                .then().statusCode(201).body("kind", equalTo("DAILY_CHECKIN"));

        JsonNode data = json.readTree(only(subjectId).value()).get("data");
        assertEquals("DAILY_CHECKIN", data.get("kind").asText());
        assertEquals(0, data.get("travel").size());
        assertFalse(data.get("contactWithCase").asBoolean());
        assertEquals("FATIGUE", data.get("symptoms").get(0).asText());
        assertTrue(data.get("vaccination").isNull());
        assertTrue(data.get("inbound").isNull());
    }

    @Test
    void aBadDeclarationIsRefusedWholeAndNothingIsStoredOrPublished() {
        String account = People.account();
        String subjectId = People.registerSelf(account);
        Map<String, Object> body = Map.of(
                "travel", List.of(Map.of("regionCode", "999999", "from", TODAY.minusDays(2).toString(),
                        "to", TODAY.plusDays(1).toString())),
                "contactWithCase", false,
                "symptoms", List.of("SNEEZING"),
                "temperature", 45.2,
                "vaccination", Map.of("doses", 2),
                "inbound", Map.of("flight", "CA982", "fromCountry", "CN", "arrivalDate", TODAY.toString(), "port", "PVG"));
        given().auth().oauth2(TestTokens.citizen(account)).contentType(ContentType.JSON).body(body)
                .post("/v1/persons/me/declarations")
                .then().statusCode(400).body("error", equalTo("VALIDATION_FAILED"))
                .body("details.field", containsInAnyOrder("travel[0].regionCode", "travel[0].to", "symptoms[0]",
                        "temperature", "vaccination.lastDose", "inbound.fromCountry"));
        given().auth().oauth2(TestTokens.citizen(account)).contentType(ContentType.JSON)
                .body(Map.of("symptoms", List.of())).post("/v1/persons/me/checkins")
                .then().statusCode(400).body("details.field", equalTo(List.of("temperature")));

        assertEquals(0L, count("select count(*) from declaration where subject_id = $1", subjectId));
        assertTrue(KafkaTestClient.read(DeclarationSubmitted.TOPIC, r -> subjectId.equals(r.key()), 1,
                Duration.ofSeconds(3)).isEmpty(), "a refused declaration was published");
    }

    @Test
    void anUnregisteredAccountCannotDeclare() {
        given().auth().oauth2(TestTokens.citizen(People.account())).contentType(ContentType.JSON)
                .body(fullDeclaration()).post("/v1/persons/me/declarations")
                .then().statusCode(404).body("error", equalTo("NOT_REGISTERED"));
    }

    @Test
    void aGuardianDeclaresForTheirDependentUnderTheDependentsPseudonym() throws Exception {
        String guardian = People.account();
        String guardianSubject = People.registerSelf(guardian);
        JsonPath dependent = People.addDependent(guardian, "周奶奶", "PARENT").statusCode(201).extract().jsonPath();
        String dependentSubject = dependent.getString("subjectId");

        given().auth().oauth2(TestTokens.citizen(guardian)).contentType(ContentType.JSON).body(fullDeclaration())
                .post("/v1/persons/me/dependents/" + dependent.getString("id") + "/declarations")
                .then().statusCode(201).body("subjectId", equalTo(dependentSubject));
        given().auth().oauth2(TestTokens.citizen(guardian)).contentType(ContentType.JSON)
                .body(Map.of("symptoms", List.of(), "temperature", 36.4))
                .post("/v1/persons/me/dependents/" + dependent.getString("id") + "/checkins")
                .then().statusCode(201).body("subjectId", equalTo(dependentSubject));

        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(DeclarationSubmitted.TOPIC,
                r -> dependentSubject.equals(r.key()), 2, Duration.ofSeconds(60));
        assertEquals(2, records.size());
        assertEquals(0L, count("select count(*) from declaration where subject_id = $1", guardianSubject));
    }

    private Map<String, Object> fullDeclaration() {
        return Map.of(
                "travel", List.of(Map.of("regionCode", "420106", "from", TODAY.minusDays(5).toString(),
                        "to", TODAY.minusDays(3).toString())),
                "contactWithCase", true,
                "symptoms", List.of("FEVER", "DRY_COUGH"),
                "temperature", 37.9,
                "vaccination", Map.of("doses", 3, "lastDose", "2022-05-01"),
                "inbound", Map.of("flight", "CA982", "fromCountry", "US", "arrivalDate", TODAY.minusDays(2).toString(),
                        "port", "PVG"));
    }

    /**
     * The subject's one event: waited for as long as a busy machine may take to relay it (joining
     * the topic alone can take seconds), then read again to see that no second one follows.
     */
    private static ConsumerRecord<String, String> only(String subjectId) {
        assertEquals(1, KafkaTestClient.read(DeclarationSubmitted.TOPIC, r -> subjectId.equals(r.key()), 1,
                Duration.ofSeconds(60)).size(), "the subject's event was published");
        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(DeclarationSubmitted.TOPIC,
                r -> subjectId.equals(r.key()), 2, Duration.ofSeconds(10));
        assertEquals(1, records.size(), "exactly one event for the subject");
        return records.get(0);
    }

    private long count(String sql, String parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong(0);
    }
}
