package org.healthcode.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.RealInfraResource;
import org.junit.jupiter.api.Test;

/**
 * A contact found across the border: another province's tracing found one of this province's people
 * there, and scan-checkpoint published what it sent as {@code federation-contact-received}. The
 * traveller's code turns the colour a contact found here would, for as long.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(ShiftableClockResource.class)
class FederationContactIT {

    private static final Path SAMPLE =
            Path.of("../scan-checkpoint-service/src/main/resources/events/federation-contact-received.sample.json");

    @Inject
    Pool pool;

    final PlatformTime time = new PlatformTime();

    @Test
    void aCloseContactFoundInAnotherProvinceIsRedLikeALocalOneAndASecondDeliveryChangesNothing() throws Exception {
        time.moveToNext(LocalTime.of(10, 0));
        Declarations declaration = Declarations.harmless(Declarations.newSubjectId(), time.now()).send();
        String traveller = declaration.subjectId();
        RiskEvents.await(traveller, RiskEvents.causedBy(declaration.id()));
        LocalDate exposedOn = time.today().minusDays(2);
        Instant lastExposure = time.startOf(exposedOn).plusSeconds(20 * 3600);
        Instant received = time.now().truncatedTo(ChronoUnit.MILLIS);
        String findingId = UUID.randomUUID().toString();

        ObjectNode sent = received(traveller, findingId, 1, "CLOSE", lastExposure, received);
        KafkaTestClient.send("federation-contact-received", traveller, sent.toString());

        JsonNode red = RiskEvents.await(traveller, RiskEvents.causedBy(sent.get("id").asText()));
        assertEquals("RED", red.get("colour").asText());
        assertEquals("GREEN", red.get("previousColour").asText());
        JsonNode reason = red.get("reasons").get(0);
        assertEquals("CLOSE_CONTACT", reason.get("code").asText(), "the reason a local close contact gets");
        assertEquals(received, RiskEvents.instant(reason.get("since")), "known since the finding arrived");
        assertEquals(time.startOf(exposedOn.plusDays(14)), RiskEvents.instant(reason.get("until")));
        assertEquals(time.startOf(exposedOn.plusDays(14)), RiskEvents.instant(red.get("quarantineUntil")));
        assertEquals("330000", red.get("province").asText(), "still this province's resident");

        // The same finding under another event id (republished), and a degree-2 finding of another: one fact
        // each, no second colour change for the first.
        ObjectNode again = sent.deepCopy().put("id", UUID.randomUUID().toString());
        KafkaTestClient.send("federation-contact-received", traveller, again.toString());
        String secondary = Declarations.newSubjectId();
        ObjectNode yellow = received(secondary, UUID.randomUUID().toString(), 2, "CLOSE", lastExposure, received);
        KafkaTestClient.send("federation-contact-received", secondary, yellow.toString());
        assertEquals("YELLOW", RiskEvents.await(secondary, RiskEvents.causedBy(yellow.get("id").asText()))
                .get("colour").asText(), "degree 2: SECONDARY_CONTACT, as here");
        List<JsonNode> events = RiskEvents.about(traveller, 3, Duration.ofSeconds(4));
        assertEquals(List.of(declaration.id(), sent.get("id").asText()),
                events.stream().map(e -> e.get("causeEventId").asText()).toList(), "one change per new fact");
        assertEquals(1L, pool.preparedQuery("select count(*) from risk_scoring.subject_contact where subject_id = $1")
                .execute(Tuple.of(traveller)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0));
    }

    /** The producer's sample, about {@code subjectId}, as scan-checkpoint publishes it. */
    private static ObjectNode received(String subjectId, String findingId, int degree, String exposure,
            Instant lastExposure, Instant receivedAt) throws Exception {
        ObjectNode event = (ObjectNode) Declarations.JSON.readTree(Files.readString(SAMPLE));
        event.put("id", UUID.randomUUID().toString()).put("subject", subjectId).put("time", receivedAt.toString());
        ((ObjectNode) event.get("data")).put("findingId", findingId).put("subjectId", subjectId).put("degree", degree)
                .put("exposure", exposure).put("overlapFrom", lastExposure.minusSeconds(600).toString())
                .put("overlapTo", lastExposure.toString()).put("lastExposure", lastExposure.toString())
                .put("receivedAt", receivedAt.toString());
        return event;
    }
}
