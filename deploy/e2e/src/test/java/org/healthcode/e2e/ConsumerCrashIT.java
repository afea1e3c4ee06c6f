package org.healthcode.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.healthcode.e2e.CitizenJourneyIT.Citizen;
import org.healthcode.infra.Processes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Each consumer killed (SIGKILL) in the middle of a poll it was applying, then started again:
 * risk-scoring while it recolours a case's 1,000 contacts, contact-trace while scans are ingested,
 * code-issuer and scan-checkpoint while the new colours arrive. Afterwards nothing is lost, no
 * effect was applied twice (counted per subject and per scan in PostgreSQL) and no event id is on a
 * topic twice.
 */
@Order(4)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsumerCrashIT {

    private static final int LARGE_CASE = 1_000;
    private static final int CASE = 300;
    private static FaultDrill drill;

    @BeforeAll
    static void startPlatform() {
        drill = FaultDrill.get();
    }

    @Test
    @Order(1)
    void riskScoringKilledWhileRecolouringAThousandContacts() throws Exception {
        String patient = FaultDrill.pseudonym();
        Set<String> contacts = drill.seedCloseContacts(patient, LARGE_CASE);
        assertEquals(201, drill.confirm(patient).statusCode());

        int before = awaitSomeButNotAll("risk-scoring's colour changes", contacts,
                "select subject_id from risk_scoring.audit_entry where action = 'COLOUR_CHANGED' and subject_id = any(?)");
        Instant crash = Instant.now();
        drill.crashAndRestart("risk-scoring-service");

        Map<String, Integer> changes = drill.awaitAll("contacts recoloured", contacts, "select subject_id from "
                + "risk_scoring.audit_entry where action = 'COLOUR_CHANGED' and subject_id = any(?)", contacts);
        FaultDrill.assertOnce("colour changes of one contact (risk_scoring.audit_entry)", changes);
        Duration lag = drill.awaitNoLag();
        Map<String, Integer> published = redPublished(contacts);
        assertEquals(contacts, published.keySet(), "every contact's red published");
        FaultDrill.assertOnce("red published for one contact", published);
        FaultDrill.Copies copies = drill.copies();
        assertEquals(Map.of(), copies.twice(), "event ids on a topic twice");
        System.out.printf("Consumer crash, risk-scoring: killed with %d of %d contacts recoloured; after the restart "
                        + "all %d recoloured once, published once (%d events sent again by the killed relay); lag 0 "
                        + "%d s after the restart was ready, %d s after the kill%n", before, LARGE_CASE, changes.size(),
                copies.resent(), lag.toSeconds(), Duration.between(crash, Instant.now()).toSeconds());
    }

    @Test
    @Order(2)
    void contactTraceKilledWhileScansAreIngested() throws Exception {
        List<Citizen> crowd = IntStream.range(0, 4).mapToObj(i -> drill.green()).toList();
        List<String> stalls = IntStream.range(0, 3).mapToObj(i -> drill.venue("Stall " + i, "MARKET")).toList();
        FaultDrill.Traffic traffic = new FaultDrill.Traffic(drill.platform.gatewayUrl()).scans(4, crowd, stalls);
        traffic.awaitMoreAnswers(40, "before contact-trace was killed");
        Instant crash = Instant.now();
        drill.crashAndRestart("contact-trace-service");
        traffic.awaitMoreAnswers(40, "after contact-trace came back");
        traffic.stop();
        traffic.assertAnsweredWithout500();

        Set<String> admitted = traffic.admitted();
        Map<String, Integer> visits = drill.awaitAll("admitted scans in the visit index", admitted,
                "select scan_id from contact_trace.visit where scan_id = any(?)", admitted);
        FaultDrill.assertOnce("visits of one scan", visits);
        drill.awaitNoLag();
        Map<String, Integer> published = drill.awaitPublished("scan-recorded", "data.scanId", admitted);
        assertEquals(admitted, published.keySet(), "every admitted scan published");
        FaultDrill.Copies copies = drill.copies();
        assertEquals(Map.of(), copies.twice(), "event ids on a topic twice");
        System.out.printf("Consumer crash, contact-trace: %d scans admitted around the crash (refusals %s, %d "
                        + "unanswered), all in the visit index once, %d s after the kill; %d events sent again%n",
                admitted.size(), traffic.refusals(), traffic.unanswered(), Duration.between(crash, Instant.now()).toSeconds(),
                copies.resent());
    }

    @Test
    @Order(3)
    void codeIssuerAndScanCheckpointKilledWhileColoursArrive() throws Exception {
        String patient = FaultDrill.pseudonym();
        Set<String> contacts = drill.seedCloseContacts(patient, CASE);
        assertEquals(201, drill.confirm(patient).statusCode());

        int before = awaitSomeButNotAll("colours kept by code-issuer", contacts,
                "select subject_id from code_issuer.subject_colour where subject_id = any(?)");
        Instant crash = Instant.now();
        drill.crash("code-issuer-service");
        drill.crash("scan-checkpoint-service");
        drill.restart("code-issuer-service");
        drill.restart("scan-checkpoint-service");

        for (String schema : List.of("code_issuer", "scan_checkpoint")) {
            drill.awaitAll(schema + ": contacts red", contacts, "select subject_id from " + schema
                    + ".subject_colour where colour = 'RED' and subject_id = any(?)", contacts);
        }
        drill.awaitNoLag();
        // each new colour applied once by each consumer: its event id in the inbox, and the colour it carried kept
        Set<String> colourEvents = drill.readAll("risk-recalculated").stream().map(r -> JsonPath.from(r.value()))
                .filter(e -> contacts.contains(e.getString("data.subjectId")))
                .map(e -> e.getString("id")).collect(Collectors.toSet());
        assertEquals(CASE, colourEvents.size(), "one new colour per contact");
        for (String schema : List.of("code_issuer", "scan_checkpoint")) {
            Map<String, Integer> applied = drill.countBy("select event_id from " + schema
                    + ".processed_event where event_id = any(?)", colourEvents);
            assertEquals(colourEvents, applied.keySet(), schema + ": every colour applied");
        }
        FaultDrill.Copies copies = drill.copies();
        assertEquals(Map.of(), copies.twice(), "event ids on a topic twice");
        System.out.printf("Consumer crash, code-issuer and scan-checkpoint: killed with %d of %d colours kept; all %d "
                        + "kept by both, each applied once, %d s after the kill; %d events sent again%n", before, CASE, CASE,
                Duration.between(crash, Instant.now()).toSeconds(), copies.resent());
    }

    /** The subjects' RED risk-recalculated events (different event ids), counted per subject. */
    static Map<String, Integer> redPublished(Set<String> subjects) {
        return drill.awaitPublished("risk-recalculated", "data.subjectId",
                e -> subjects.contains(e.getString("data.subjectId")) && "RED".equals(e.getString("data.colour")),
                subjects);
    }

    /**
     * Waits until the query finds some of the subjects (the work has begun), looking often, and
     * answers how many; failing if it found all of them at once: the crash would then have come after
     * the work, not in the middle of it.
     */
    private static int awaitSomeButNotAll(String what, Set<String> subjects, String query) throws SQLException {
        Instant deadline = Instant.now().plus(FaultDrill.PATIENCE);
        int found = 0;
        while (found == 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + ": none after " + FaultDrill.PATIENCE.toSeconds() + " s");
            }
            Processes.pause(Duration.ofMillis(10));
            found = drill.countBy(query, subjects).size();
        }
        assertTrue(found < subjects.size(), what + ": all " + found + " done before the crash");
        return found;
    }
}
