package org.healthcode.trace;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
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
 * A transport manifest's passengers in the visit index, with their seats: a case's fellow passengers
 * within 3 rows are close contacts, those further away in the carriage are not, another carriage is
 * nobody's.
 */
@QuarkusTest
@QuarkusTestResource(TraceServiceResource.class)
class ManifestTracingIT {

    private static final String AUTHORITY = TestTokens.staff("authority-zj", "authority", "330000");
    private static final String TOPIC = "manifest-passenger-imported";

    @Inject
    ObjectMapper json;
    @Inject
    Pool pool;

    @Test
    void aCasesFellowPassengerWithinThreeRowsIsACloseContactAndOneFurtherOrInAnotherCarriageIsNot()
            throws Exception {
        Instant departure = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        UUID carriage5 = UUID.randomUUID();
        UUID carriage6 = UUID.randomUUID();
        String a = Scans.subject();
        String b = Scans.subject();
        String c = Scans.subject();
        String d = Scans.subject();
        String unseated = Scans.subject();
        String eventA = passenger(a, carriage5, departure, "10F");
        passenger(b, carriage5, departure, "12A");
        passenger(c, carriage5, departure, "18F");
        passenger(d, carriage6, departure, "10F");
        passenger(unseated, carriage5, departure, null);
        List<String> everyone = List.of(a, b, c, d, unseated);
        Scans scans = new Scans(json, pool);
        assertEquals(5, scans.awaitVisits(everyone, 5));

        Map<String, String> seats = new HashMap<>();
        Map<String, String> types = new HashMap<>();
        pool.preparedQuery("select subject_id, seat, venue_type, at from visit where subject_id = any($1)")
                .execute(Tuple.of(everyone.toArray(String[]::new))).await().atMost(Duration.ofSeconds(10))
                .forEach(row -> {
                    seats.put(row.getString(0), row.getString(1));
                    types.put(row.getString(0), row.getString(2));
                    assertEquals(departure, row.getOffsetDateTime(3).toInstant(), "a visit at the departure");
                });
        assertEquals("10F", seats.get(a));
        assertEquals("18F", seats.get(c));
        assertNull(seats.get(unseated));
        assertEquals("TRAIN", types.get(b));

        // delivered again: still one visit (a later trip of A's, on the same partition, shows it was consumed)
        KafkaTestClient.send(TOPIC, a, eventA);
        UUID earlier = UUID.randomUUID();
        passenger(a, earlier, departure.minus(20, ChronoUnit.DAYS), "01A");
        assertEquals(1, scans.awaitVisitsAt(List.of(earlier), 1));
        assertEquals(6, scans.visits(everyone), "a redelivered passenger is no new visit");

        given().auth().oauth2(AUTHORITY).contentType(ContentType.JSON)
                .body(Map.of("subjectId", a, "status", "CONFIRMED")).post("/v1/cases").then().statusCode(201);
        Map<String, String> exposures = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : KafkaTestClient.read("contact-identified",
                r -> r.value().contains(a), 4, Duration.ofSeconds(10))) {
            JsonNode data = json.readTree(r.value()).get("data");
            exposures.put(data.get("contactSubjectId").asText(), data.get("exposure").asText());
        }
        assertEquals("TRANSPORT", exposures.get(b), "2 rows apart: a close contact");
        assertEquals("TRANSPORT", exposures.get(unseated), "seat unknown: anywhere in the carriage");
        assertEquals("SPATIOTEMPORAL", exposures.get(c), "8 rows apart: no close contact, only the wider link");
        assertNull(exposures.get(d), "another carriage: no contact");
        assertEquals(3, exposures.size());
    }

    @Test
    void aManifestUploadedAfterTheCaseWasConfirmedStillFindsTheFellowPassengers() throws Exception {
        Instant departure = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        UUID carriage = UUID.randomUUID();
        String a = Scans.subject();
        String b = Scans.subject();
        given().auth().oauth2(AUTHORITY).contentType(ContentType.JSON)
                .body(Map.of("subjectId", a, "status", "CONFIRMED")).post("/v1/cases").then().statusCode(201);
        passenger(a, carriage, departure, "03C");
        passenger(b, carriage, departure, "04C");
        List<ConsumerRecord<String, String>> found = KafkaTestClient.read("contact-identified",
                r -> r.value().contains(a) && r.key().equals(b), 1, Duration.ofSeconds(30));
        assertEquals(1, found.size(), "the late manifest traced the case again");
        assertEquals("TRANSPORT", json.readTree(found.get(0).value()).get("data").get("exposure").asText());
    }

    /** Publishes one passenger as declaration-service does; answers the event's JSON. */
    private String passenger(String subjectId, UUID venueId, Instant departure, String seat) throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subjectId", subjectId);
        data.put("mode", "TRAIN");
        data.put("vehicle", "G1234");
        data.put("departure", departure.toString());
        data.put("arrival", departure.plus(4, ChronoUnit.HOURS).toString());
        data.put("carriage", "05");
        data.put("seat", seat);
        data.put("venueId", venueId.toString());
        data.put("province", "330000");
        data.put("importId", UUID.randomUUID().toString());
        String payload = json.writeValueAsString(EventEnvelope.of(UUID.randomUUID().toString(),
                "cn.healthcode." + TOPIC, "/healthcode/declaration-service", Instant.now(), subjectId, data));
        KafkaTestClient.send(TOPIC, subjectId, payload);
        return payload;
    }
}
