package org.healthcode.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.healthcode.e2e.CitizenJourneyIT.Citizen;
import org.healthcode.infra.Processes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Each producing service killed (SIGKILL) while it commits a stream of changes, then started again:
 * declaration-service taking declarations, scan-checkpoint taking scans, contact-trace deciding
 * cases, risk-scoring recolouring a case's contacts. Afterwards every change its database kept is
 * on its topic (the outbox), and none twice.
 */
@Order(4)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProducerCrashIT {

    private static FaultDrill drill;
    private static List<Citizen> crowd;
    private static List<String> stalls;

    @BeforeAll
    static void startPlatform() {
        drill = FaultDrill.get();
        crowd = IntStream.range(0, 4).mapToObj(i -> drill.green()).toList();
        stalls = IntStream.range(0, 3).mapToObj(i -> drill.venue("Stall " + i, "MARKET")).toList();
    }

    @Test
    @Order(1)
    void declarationServiceKilledWhileTakingDeclarations() throws Exception {
        List<Citizen> declarers = IntStream.range(0, 4).mapToObj(i -> drill.green()).toList();
        FaultDrill.Traffic traffic = new FaultDrill.Traffic(drill.platform.gatewayUrl()).declarations(declarers);
        traffic.awaitMoreAnswers(20, "before declaration-service was killed");
        Instant crash = Instant.now();
        drill.crashAndRestart("declaration-service");
        traffic.awaitMoreAnswers(20, "after declaration-service came back");
        traffic.stop();
        traffic.assertAnsweredWithout500();

        Set<String> subjects = new HashSet<>(declarers.stream().map(Citizen::subjectId).toList());
        Map<String, Integer> kept = drill.countBy("select id::text from declaration.declaration where subject_id = any(?)",
                subjects);
        assertTrue(kept.keySet().containsAll(traffic.declared().keySet()), "every accepted declaration kept");
        drill.awaitNoLag();
        Map<String, Integer> published = drill.awaitPublished("declaration-submitted", "data.declarationId", kept.keySet());
        FaultDrill.assertOnce("declaration-submitted of one declaration", published);
        FaultDrill.Copies copies = drill.copies();
        assertEquals(Map.of(), copies.twice(), "event ids on a topic twice");
        report("declaration-service", kept.size(), "declarations", traffic, crash, copies);
    }

    @Test
    @Order(2)
    void scanCheckpointKilledWhileTakingScans() throws Exception {
        FaultDrill.Traffic traffic = new FaultDrill.Traffic(drill.platform.gatewayUrl()).scans(4, crowd, stalls);
        traffic.awaitMoreAnswers(40, "before scan-checkpoint was killed");
        Instant crash = Instant.now();
        drill.crashAndRestart("scan-checkpoint-service");
        traffic.awaitMoreAnswers(40, "after scan-checkpoint came back");
        traffic.stop();
        traffic.assertAnsweredWithout500();

        Map<String, Integer> kept = drill.countBy("select scan_id from scan_checkpoint.scan_attempt where subject_id is not null");
        assertTrue(kept.keySet().containsAll(traffic.admitted()), "every admitted scan kept");
        drill.awaitNoLag();
        Map<String, Integer> published = drill.awaitPublished("scan-recorded", "data.scanId", kept.keySet());
        FaultDrill.assertOnce("scan-recorded of one scan", published);
        FaultDrill.Copies copies = drill.copies();
        assertEquals(Map.of(), copies.twice(), "event ids on a topic twice");
        report("scan-checkpoint-service", kept.size(), "scans", traffic, crash, copies);
    }

    @Test
    @Order(3)
    void contactTraceKilledWhileDecidingCases() throws Exception {
        // an authority confirming one case after another, each with 20 close contacts, while contact-trace dies
        AtomicBoolean deciding = new AtomicBoolean(true);
        AtomicInteger decided = new AtomicInteger();
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        List<Set<String>> everyContact = new ArrayList<>();
        Thread authority = new Thread(() -> {
            while (deciding.get()) {
                try {
                    String patient = FaultDrill.pseudonym();
                    synchronized (everyContact) {
                        everyContact.add(drill.seedCloseContacts(patient, 20));
                    }
                    int status = drill.confirm(patient).statusCode();
                    answers.merge(Integer.toString(status), 1, Integer::sum);
                    if (status == 201) {
                        decided.incrementAndGet();
                    } else {
                        Processes.pause(Duration.ofMillis(300));
                    }
                } catch (Exception e) {
                    answers.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                }
            }
        }, "authority");
        authority.start();
        awaitCount(decided, 3);
        Instant crash = Instant.now();
        drill.crashAndRestart("contact-trace-service");
        awaitCount(decided, decided.get() + 3);
        deciding.set(false);
        authority.join();

        Map<String, Integer> cases = drill.countBy("select id::text from contact_trace.trace_case");
        Map<String, Integer> contacts = drill.countBy("select trace_id::text from contact_trace.contact");
        assertTrue(answers.getOrDefault("201", 0) >= 6, "cases decided: " + answers);
        assertTrue(answers.keySet().stream().allMatch(status -> status.equals("201") || status.equals("503")),
                "answers while contact-trace died: " + answers);
        drill.awaitNoLag();
        Map<String, Integer> confirmed = drill.awaitPublished("case-confirmed", "data.caseId", cases.keySet());
        Map<String, Integer> identified = drill.awaitPublished("contact-identified", "data.traceId", contacts.keySet());
        FaultDrill.assertOnce("case-confirmed of one case", confirmed);
        FaultDrill.assertOnce("contact-identified of one contact", identified);
        FaultDrill.Copies copies = drill.copies();
        assertEquals(Map.of(), copies.twice(), "event ids on a topic twice");
        System.out.printf("Producer crash, contact-trace: %d cases and %d contacts kept (answers %s), each published, "
                        + "%d s after the kill; %d events sent again by the killed relay%n", cases.size(), contacts.size(),
                answers, Duration.between(crash, Instant.now()).toSeconds(), copies.resent());
    }

    @Test
    @Order(4)
    void riskScoringKilledWhileRecolouring() throws Exception {
        String patient = FaultDrill.pseudonym();
        Set<String> contacts = drill.seedCloseContacts(patient, 500);
        assertEquals(201, drill.confirm(patient).statusCode());
        Instant deadline = Instant.now().plus(FaultDrill.PATIENCE);
        String changed = "select subject_id from risk_scoring.audit_entry where action = 'COLOUR_CHANGED' and subject_id = any(?)";
        while (drill.countBy(changed, contacts).isEmpty()) {
            assertTrue(Instant.now().isBefore(deadline), "risk-scoring recoloured no contact");
            Processes.pause(Duration.ofMillis(10));
        }
        Instant crash = Instant.now();
        drill.crashAndRestart("risk-scoring-service");
        drill.awaitAll("contacts recoloured", contacts, changed, contacts);
        drill.awaitNoLag();
        // what the killed relay had leased goes out once its lease ends: every contact's new colour on the topic
        drill.awaitPublished("risk-recalculated", "data.subjectId", contacts);

        // every committed change (an audit row, written in the change's transaction) published once:
        // the change's subject, new colour and cause match one risk-recalculated event
        Map<String, Integer> kept = drill.countBy("select subject_id || ' ' || split_part(split_part(detail, '->', 2), ' ', 1)"
                + " || ' ' || split_part(split_part(detail, 'cause=', 2), ' ', 1) from risk_scoring.audit_entry"
                + " where action = 'COLOUR_CHANGED' and subject_id = any(?)", contacts);
        Map<String, Set<String>> events = new HashMap<>();
        drill.readAll("risk-recalculated").stream().map(r -> JsonPath.from(r.value()))
                .filter(e -> contacts.contains(e.getString("data.subjectId")))
                .forEach(e -> events.computeIfAbsent(e.getString("data.subjectId") + " " + e.getString("data.colour") + " "
                        + e.getString("data.causeEventId"), change -> new HashSet<>()).add(e.getString("id")));
        Map<String, Integer> published = new HashMap<>();
        events.forEach((change, ids) -> published.put(change, ids.size()));
        assertEquals(kept.keySet(), published.keySet(), "each committed colour change published");
        FaultDrill.assertOnce("colour change committed", kept);
        FaultDrill.assertOnce("colour change published", published);
        FaultDrill.Copies copies = drill.copies();
        assertEquals(Map.of(), copies.twice(), "event ids on a topic twice");
        System.out.printf("Producer crash, risk-scoring: %d colour changes kept, each published, %d s after the kill; "
                + "%d events sent again by the killed relay%n", kept.size(), Duration.between(crash, Instant.now()).toSeconds(),
                copies.resent());
    }

    private static void awaitCount(AtomicInteger count, int target) {
        Instant deadline = Instant.now().plus(FaultDrill.PATIENCE);
        while (count.get() < target) {
            assertTrue(Instant.now().isBefore(deadline), "only " + count.get() + " of " + target);
            Processes.pause(Duration.ofMillis(100));
        }
    }

    private static void report(String service, int kept, String what, FaultDrill.Traffic traffic, Instant crash,
            FaultDrill.Copies copies) {
        System.out.printf("Producer crash, %s: %d %s kept (refusals while it was away: %s, %d unanswered), each "
                        + "published, %d s after the kill; %d events sent again by the killed relay%n", service, kept, what,
                traffic.refusals(), traffic.unanswered(), Duration.between(crash, Instant.now()).toSeconds(), copies.resent());
    }
}
