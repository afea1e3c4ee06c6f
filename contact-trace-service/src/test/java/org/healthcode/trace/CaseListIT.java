package org.healthcode.trace;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.TestTokens;
import org.healthcode.kit.event.EventEnvelope;
import org.junit.jupiter.api.Test;

/**
 * The authority's case lists ({@code case-reported}): each case recorded as the authority's case call
 * records it, a confirmed one traced; a redelivered event, or a second row for the same case, makes
 * no second case.
 */
@QuarkusTest
@QuarkusTestResource(TraceServiceResource.class)
class CaseListIT {

    private static final String AUTHORITY = TestTokens.staff("authority-zj", "authority", "330000");
    private static final String TOPIC = "case-reported";

    @Inject
    ObjectMapper json;
    @Inject
    Pool pool;

    @Test
    void aConfirmedCaseOfTheListIsRecordedAndTracedOnceHoweverOftenItComes() throws Exception {
        Scans scans = new Scans(json, pool);
        Instant t0 = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        UUID shop = UUID.randomUUID();
        String patient = Scans.subject();
        String close = Scans.subject();
        scans.scan(patient, shop, "MALL", t0);
        scans.scan(close, shop, "MALL", t0.plus(10, ChronoUnit.MINUTES));
        assertEquals(2, scans.awaitVisits(List.of(patient, close), 2));

        UUID importId = UUID.randomUUID();
        String event = reported(patient, "CONFIRMED", LocalDate.now().minusDays(3), importId, 1);
        List<Map<String, Object>> cases = awaitCases(patient, 1);
        assertEquals(1, cases.size(), "the list made a case");
        Map<String, Object> c = cases.get(0);
        assertEquals("CONFIRMED", c.get("status"));
        assertEquals("330000", c.get("province"));
        assertEquals(LocalDate.now().minusDays(3), c.get("onset"));
        String caseId = c.get("id").toString();

        List<ConsumerRecord<String, String>> confirmed = KafkaTestClient.read("case-confirmed",
                r -> r.value().contains(caseId), 1, Duration.ofSeconds(30));
        assertEquals(1, confirmed.size(), "case-confirmed published");
        List<ConsumerRecord<String, String>> contacts = KafkaTestClient.read("contact-identified",
                r -> r.value().contains(caseId) && close.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, contacts.size(), "the case's co-visitor found");
        assertEquals("CLOSE", json.readTree(contacts.get(0).value()).get("data").get("exposure").asText());
        assertEquals(List.of("import " + importId), decidedBy(caseId), "logged as the import's decision");

        // the same event again, then another row naming the case CONFIRMED, then a SUSPECTED one:
        // still one case, confirmed, its decision logged once more (the second row) and nothing else
        KafkaTestClient.send(TOPIC, patient, event);
        UUID later = UUID.randomUUID();
        reported(patient, "CONFIRMED", null, later, 4);
        reported(patient, "SUSPECTED", null, UUID.randomUUID(), 2);
        // one more row after them, on the same partition: once it is logged, they have been consumed
        UUID markerImport = UUID.randomUUID();
        reported(patient, "CONFIRMED", null, markerImport, 9);
        awaitDecisions(caseId, 3);
        assertEquals(1, awaitCases(patient, 1).size(), "no second case");
        assertEquals("CONFIRMED", awaitCases(patient, 1).get(0).get("status"), "a list never lowers a confirmation");
        assertEquals(List.of("import " + importId, "import " + later, "import " + markerImport).stream().sorted()
                .toList(), decidedBy(caseId).stream().sorted().toList(),
                "the redelivered event and the SUSPECTED row logged nothing");
        assertEquals(1, KafkaTestClient.read("case-confirmed", r -> r.value().contains(caseId), 2,
                Duration.ofSeconds(5)).size(), "no second case-confirmed");
        assertEquals(1, KafkaTestClient.read("contact-identified",
                r -> r.value().contains(caseId) && close.equals(r.key()), 2, Duration.ofSeconds(5)).size(),
                "the contact published once");

        given().auth().oauth2(AUTHORITY).contentType(ContentType.JSON)
                .body(Map.of("subjectId", patient, "status", "CONFIRMED")).post("/v1/cases").then().statusCode(201)
                .body("id", equalTo(caseId)).body("change", equalTo("UNCHANGED"));
    }

    @Test
    void aSuspectedCaseOfTheListIsOpenedAndConfirmedByALaterRow() throws Exception {
        String patient = Scans.subject();
        reported(patient, "SUSPECTED", null, UUID.randomUUID(), 1);
        assertEquals("SUSPECTED", awaitCases(patient, 1).get(0).get("status"));
        String caseId = awaitCases(patient, 1).get(0).get("id").toString();
        reported(patient, "CONFIRMED", null, UUID.randomUUID(), 1);
        awaitDecisions(caseId, 2);
        List<Map<String, Object>> cases = awaitCases(patient, 1);
        assertEquals(1, cases.size(), "the same case, now confirmed");
        assertEquals("CONFIRMED", cases.get(0).get("status"));
        assertEquals(2, KafkaTestClient.read("case-confirmed", r -> r.value().contains(caseId), 2,
                Duration.ofSeconds(30)).size(), "suspected, then confirmed");
    }

    /** Publishes one case as declaration-service does; answers the event's JSON. */
    private String reported(String subjectId, String status, LocalDate onset, UUID importId, int row)
            throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subjectId", subjectId);
        data.put("status", status);
        data.put("reportedAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        data.put("onsetDate", onset == null ? null : onset.toString());
        data.put("province", "330000");
        data.put("importId", importId.toString());
        data.put("importRow", row);
        String payload = json.writeValueAsString(EventEnvelope.of(UUID.randomUUID().toString(),
                "cn.healthcode." + TOPIC, "/healthcode/declaration-service", Instant.now(), subjectId, data));
        KafkaTestClient.send(TOPIC, subjectId, payload);
        return payload;
    }

    /** The subject's cases, waiting until there are {@code count} (or a minute has passed). */
    private List<Map<String, Object>> awaitCases(String subjectId, int count) throws InterruptedException {
        List<Map<String, Object>> found = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            found.clear();
            for (Row row : pool.preparedQuery("select id, status, province, onset_date from trace_case "
                    + "where subject_id = $1").execute(Tuple.of(subjectId)).await().atMost(Duration.ofSeconds(10))) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("id", row.getUUID(0));
                c.put("status", row.getString(1));
                c.put("province", row.getString(2));
                c.put("onset", row.getLocalDate(3));
                found.add(c);
            }
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(500);
        }
        return found;
    }

    private void awaitDecisions(String caseId, int count) throws InterruptedException {
        for (int i = 0; i < 120 && decidedBy(caseId).size() < count; i++) {
            Thread.sleep(500);
        }
    }

    private List<String> decidedBy(String caseId) {
        List<String> by = new ArrayList<>();
        pool.preparedQuery("select decided_by from case_decision where case_id = $1 order by decided_at")
                .execute(Tuple.of(UUID.fromString(caseId))).await().atMost(Duration.ofSeconds(10))
                .forEach(row -> by.add(row.getString(0)));
        return by;
    }
}
