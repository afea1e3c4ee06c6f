package org.healthcode.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
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
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The Kafka broker killed (SIGKILL) for 30 s while scans, declarations and a case's recolouring
 * flow through the gateway, then started again on the same port and log directories. While it is
 * down every service's readiness says DOWN, and callers get an answer: what the services can keep
 * in their outboxes is accepted, anything else is the platform's JSON error with 503, never a 500
 * or a hang. Once it is back: every admitted scan is in the visit index once, every declaration
 * reached risk-scoring once and coloured its declarant, every contact of the case was found and
 * recoloured once, no event id is on a topic twice, and no consumer group lags.
 */
@Order(4)
class BrokerOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int CONTACTS = 200;
    private static FaultDrill drill;

    @BeforeAll
    static void startPlatform() {
        drill = FaultDrill.get();
    }

    @Test
    void aBrokerDownForThirtySecondsLosesNothingAndDoesNothingTwice() throws Exception {
        List<Citizen> crowd = IntStream.range(0, 4).mapToObj(i -> drill.green()).toList();
        List<Citizen> declarers = IntStream.range(0, 4).mapToObj(i -> drill.green()).toList();
        List<String> stalls = IntStream.range(0, 3).mapToObj(i -> drill.venue("Stall " + i, "MARKET")).toList();
        String patient = FaultDrill.pseudonym();
        Set<String> contacts = drill.seedCloseContacts(patient, CONTACTS);

        FaultDrill.Traffic traffic = new FaultDrill.Traffic(drill.platform.gatewayUrl())
                .scans(3, crowd, stalls).declarations(declarers);
        traffic.awaitMoreAnswers(30, "before the broker was killed");

        drill.killBroker();
        Instant killed = Instant.now();
        drill.awaitReadiness(503);
        Duration toDown = Duration.between(killed, Instant.now());
        // the case is decided while the broker is away: tracing and its events wait in the outbox
        int caseAnswer = drill.confirm(patient).statusCode();
        traffic.awaitMoreAnswers(20, "while the broker was down");
        Duration left = OUTAGE.minus(Duration.between(killed, Instant.now()));
        if (!left.isNegative()) {
            Processes.pause(left);
        }
        int answeredWhileDown = traffic.answered();
        drill.restartBroker();
        Instant restarted = Instant.now();
        Duration down = Duration.between(killed, restarted);

        drill.awaitReadiness(200);
        traffic.awaitMoreAnswers(30, "after the broker came back");
        traffic.stop();

        // callers always had an answer, and never a 500
        traffic.assertAnsweredWithout500();
        Map<String, Integer> refusals = traffic.refusals();
        assertEquals(201, caseAnswer, "the case decided while the broker was down");

        // every admitted scan in the visit index, once
        Set<String> admitted = traffic.admitted();
        Map<String, Integer> visits = drill.awaitAll("admitted scans in the visit index", admitted,
                "select scan_id from contact_trace.visit where scan_id = any(?)", admitted);
        FaultDrill.assertOnce("visits of one scan", visits);

        // every contact found once and recoloured red once
        Map<String, Integer> recoloured = drill.awaitAll("contacts recoloured", contacts,
                "select subject_id from risk_scoring.audit_entry where action = 'COLOUR_CHANGED' and subject_id = any(?)",
                contacts);
        FaultDrill.assertOnce("colour changes of one contact", recoloured);

        // every accepted declaration reached risk-scoring once, and coloured its declarant
        Map<String, String> declared = traffic.declared();
        Duration lagGone = drill.awaitNoLag();
        Duration recovered = Duration.between(restarted, Instant.now());
        for (Citizen declarer : declarers) {
            if (declared.containsValue(declarer.subjectId())) {
                drill.awaitCode(declarer, "YELLOW after declaring a fever",
                        c -> c.getList("reasons.code").contains("SYMPTOMS"));
            }
        }

        Map<String, Integer> declarationEvents = drill.awaitPublished("declaration-submitted", "data.declarationId",
                declared.keySet());
        assertEquals(declared.keySet(), declarationEvents.keySet(), "every accepted declaration published");
        FaultDrill.assertOnce("declaration-submitted of one declaration", declarationEvents);
        Set<String> declarationEventIds = drill.readAll("declaration-submitted").stream().map(r -> JsonPath.from(r.value()))
                .filter(e -> declared.containsKey(e.getString("data.declarationId")))
                .map(e -> e.getString("id")).collect(Collectors.toSet());
        Map<String, Integer> processed = drill.countBy("select event_id from risk_scoring.processed_event where "
                + "consumer = 'risk-scoring/declaration-submitted' and event_id = any(?)", declarationEventIds);
        assertEquals(declarationEventIds, processed.keySet(), "every declaration applied by risk-scoring");

        // the topic holds the other fault tests' cases too: this case's contacts only
        Map<String, Integer> found = drill.awaitPublished("contact-identified", "data.contactSubjectId",
                e -> contacts.contains(e.getString("data.contactSubjectId")), contacts);
        assertEquals(contacts, found.keySet(), "the case's contacts found");
        FaultDrill.assertOnce("contact-identified of one contact", found);
        Map<String, Integer> turnedRed = drill.awaitPublished("risk-recalculated", "data.subjectId",
                e -> contacts.contains(e.getString("data.subjectId")) && "RED".equals(e.getString("data.colour")),
                contacts);
        assertEquals(contacts, turnedRed.keySet(), "every contact's red published");
        FaultDrill.assertOnce("red published for one contact", turnedRed);
        FaultDrill.Copies copies = drill.copies();
        assertEquals(Map.of(), copies.twice(), "event ids on a topic twice");

        int total = FaultDrill.TOPICS.stream().mapToInt(topic -> drill.readAll(topic).size()).sum();
        System.out.printf("Broker outage: down %d s (readiness DOWN everywhere %d s after the kill); %d calls answered "
                        + "by the restart, none unanswered, refusals %s; %d scans admitted, %d declarations accepted, "
                        + "%d contacts recoloured; %d events on the topics, none twice; consumer lag 0 %d s after the "
                        + "lag check began, everything applied %d s after the restart%n",
                down.toSeconds(), toDown.toSeconds(), answeredWhileDown, refusals, admitted.size(), declared.size(),
                contacts.size(), total, lagGone.toSeconds(), recovered.toSeconds());
    }
}
