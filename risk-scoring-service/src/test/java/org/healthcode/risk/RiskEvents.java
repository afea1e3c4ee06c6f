package org.healthcode.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.healthcode.infra.testing.KafkaTestClient;

/** Reads {@code risk-recalculated} the way any consumer would. */
final class RiskEvents {

    private RiskEvents() {
    }

    /** The data of every event about the subject that arrives within {@code wait}, up to {@code max}. */
    static List<JsonNode> about(String subjectId, int max, Duration wait) {
        return KafkaTestClient.read("risk-recalculated", r -> subjectId.equals(r.key()), max, wait).stream()
                .map(r -> data(r.value())).toList();
    }

    /** The first event about the subject whose data matches; fails when none comes within 30 s. */
    static JsonNode await(String subjectId, Predicate<JsonNode> match) {
        List<JsonNode> found = KafkaTestClient.read("risk-recalculated",
                r -> subjectId.equals(r.key()) && match.test(data(r.value())), 1, Duration.ofSeconds(30)).stream()
                .map(r -> data(r.value())).toList();
        assertEquals(1, found.size(), "a matching risk-recalculated event for the subject");
        return found.get(0);
    }

    static Predicate<JsonNode> causedBy(String eventId) {
        return data -> eventId.equals(data.path("causeEventId").asText(null));
    }

    static Predicate<JsonNode> colour(String colour) {
        return data -> colour.equals(data.path("colour").asText());
    }

    static Instant instant(JsonNode node) {
        return node == null || node.isNull() ? null : Instant.parse(node.asText());
    }

    private static JsonNode data(String value) {
        try {
            return Declarations.JSON.readTree(value).get("data");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("risk-recalculated is not JSON", e);
        }
    }
}
