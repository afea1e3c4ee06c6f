package org.healthcode.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.kit.event.EventEnvelope;

/** Builds scan-recorded events as scan-checkpoint-service publishes them, sends them, waits for the index. */
public final class Scans {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ObjectMapper json;
    private final Pool pool;
    private final List<String[]> sent = new ArrayList<>();

    public Scans(ObjectMapper json, Pool pool) {
        this.json = json;
        this.pool = pool;
    }

    /** A fresh 22-character pseudonym. */
    public static String subject() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Publishes one scan as a new event; answers the event's JSON (to redeliver it as it was). */
    public String scan(String subjectId, UUID venueId, String venueType, Instant at) throws Exception {
        String payload = event(UUID.randomUUID().toString(), "scan-" + UUID.randomUUID(), subjectId, venueId, venueType,
                at);
        send(subjectId, payload);
        return payload;
    }

    /** Publishes one scan of a visitor's code, issued by their home province {@code homeProvince}. */
    public String visitorScan(String subjectId, UUID venueId, String venueType, Instant at, String homeProvince)
            throws Exception {
        String payload = event(UUID.randomUUID().toString(), "scan-" + UUID.randomUUID(), subjectId, venueId, venueType,
                at, homeProvince);
        send(subjectId, payload);
        return payload;
    }

    public String event(String eventId, String scanId, String subjectId, UUID venueId, String venueType, Instant at)
            throws JsonProcessingException {
        return event(eventId, scanId, subjectId, venueId, venueType, at, null);
    }

    public String event(String eventId, String scanId, String subjectId, UUID venueId, String venueType, Instant at,
            String homeProvince) throws JsonProcessingException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("scanId", scanId);
        data.put("subjectId", subjectId);
        data.put("venueId", venueId.toString());
        data.put("venueType", venueType);
        data.put("regionCode", "330106");
        data.put("at", at.toString());
        data.put("mode", "OPERATOR_SCAN");
        data.put("colourAtScan", "GREEN");
        data.put("decision", "ALLOW");
        data.put("province", "330000");
        data.put("homeProvince", homeProvince);
        return json.writeValueAsString(EventEnvelope.of(eventId, "cn.healthcode.scan-recorded",
                "/healthcode/scan-checkpoint-service", Instant.now(), subjectId, data));
    }

    public void send(String key, String payload) throws Exception {
        KafkaTestClient.send("scan-recorded", key, payload);
        sent.add(new String[] {key, payload});
    }

    /** Sends every event sent so far once more, exactly as it was. */
    public void redeliverAll() throws Exception {
        for (String[] event : List.copyOf(sent)) {
            KafkaTestClient.send("scan-recorded", event[0], event[1]);
        }
    }

    /** Waits until the index holds {@code count} visits of these subjects; answers how many it holds. */
    public long awaitVisits(List<String> subjects, long count) throws InterruptedException {
        long found = 0;
        for (int i = 0; i < 200; i++) {
            found = visits(subjects);
            if (found >= count) {
                return found;
            }
            Thread.sleep(100);
        }
        return found;
    }

    /** Waits until the index holds {@code count} visits at these venues; answers how many it holds. */
    public long awaitVisitsAt(List<UUID> venues, long count) throws InterruptedException {
        long found = 0;
        for (int i = 0; i < 200; i++) {
            found = pool.preparedQuery("select count(*) from visit where venue_id = any($1)")
                    .execute(Tuple.of(venues.toArray(UUID[]::new))).await().atMost(Duration.ofSeconds(10))
                    .iterator().next().getLong(0);
            if (found >= count) {
                return found;
            }
            Thread.sleep(100);
        }
        return found;
    }

    public long visits(List<String> subjects) {
        return pool.preparedQuery("select count(*) from visit where subject_id = any($1)")
                .execute(Tuple.of(subjects.toArray(String[]::new))).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }
}
