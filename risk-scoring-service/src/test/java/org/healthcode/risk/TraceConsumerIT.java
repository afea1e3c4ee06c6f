package org.healthcode.risk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.RealInfraResource;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Cases and traced contacts from contact-trace-service recolour codes, on real Kafka and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(ShiftableClockResource.class)
class TraceConsumerIT {

    @Inject
    Pool pool;

    final PlatformTime time = new PlatformTime();

    @Test
    void aConfirmedCaseIsRedUntilTheAuthorityClearsIt() throws Exception {
        time.moveToNext(LocalTime.of(10, 0));
        Declarations declaration = Declarations.harmless(Declarations.newSubjectId(), time.now()).send();
        String subject = declaration.subjectId();
        RiskEvents.await(subject, RiskEvents.causedBy(declaration.id()));
        String caseId = UUID.randomUUID().toString();

        TraceEvents confirmed = TraceEvents.caseDecision(subject, caseId, "CONFIRMED", time.now()).send();
        JsonNode red = RiskEvents.await(subject, RiskEvents.causedBy(confirmed.id()));
        assertEquals("RED", red.get("colour").asText());
        assertEquals("GREEN", red.get("previousColour").asText());
        assertEquals(1, red.get("reasons").size());
        JsonNode reason = red.get("reasons").get(0);
        assertEquals("CONFIRMED_CASE", reason.get("code").asText());
        assertTrue(reason.get("until").isNull(), "open-ended");
        assertTrue(red.get("quarantineUntil").isNull());
        assertTrue(!red.get("gold").asBoolean());

        time.advance(Duration.ofHours(3));
        TraceEvents cleared = TraceEvents.caseDecision(subject, caseId, "CLEARED", time.now()).send();
        JsonNode green = RiskEvents.await(subject, RiskEvents.causedBy(cleared.id()));
        assertEquals("GREEN", green.get("colour").asText());
        assertEquals("RED", green.get("previousColour").asText());
        assertEquals(0, green.get("reasons").size());
        assertTrue(green.get("gold").asBoolean(), "what applied before the case applies again");
    }

    @Test
    void clearingASuspicionLeavesWhatElseApplies() throws Exception {
        time.moveToNext(LocalTime.of(10, 0));
        String subject = Declarations.newSubjectId();
        String caseId = UUID.randomUUID().toString();
        TraceEvents suspected = TraceEvents.caseDecision(subject, caseId, "SUSPECTED", time.now()).send();
        assertEquals("SUSPECTED_CASE", RiskEvents.await(subject, RiskEvents.causedBy(suspected.id()))
                .get("reasons").get(0).get("code").asText());
        TraceEvents contact = TraceEvents.contact(subject, 1, "CLOSE", time.now().minus(Duration.ofDays(1)), time.now())
                .send();
        assertEquals(2, RiskEvents.await(subject, RiskEvents.causedBy(contact.id())).get("reasons").size());

        TraceEvents cleared = TraceEvents.caseDecision(subject, caseId, "CLEARED", time.now()).send();

        JsonNode stillRed = RiskEvents.await(subject, RiskEvents.causedBy(cleared.id()));
        assertEquals("RED", stillRed.get("colour").asText());
        assertEquals(List.of("CLOSE_CONTACT"), codes(stillRed));
    }

    @Test
    void aCloseContactIsRedUntilFourteenDaysAfterTheDayOfTheLastExposure() throws Exception {
        time.moveToNext(LocalTime.of(10, 0));
        Declarations declaration = Declarations.harmless(Declarations.newSubjectId(), time.now()).send();
        String subject = declaration.subjectId();
        RiskEvents.await(subject, RiskEvents.causedBy(declaration.id()));
        LocalDate exposedOn = time.today().minusDays(2);
        Instant traced = time.now().truncatedTo(ChronoUnit.MILLIS);

        TraceEvents contact = TraceEvents.contact(subject, 1, "CLOSE", time.startOf(exposedOn).plusSeconds(20 * 3600),
                traced).send();

        JsonNode red = RiskEvents.await(subject, RiskEvents.causedBy(contact.id()));
        assertEquals("RED", red.get("colour").asText());
        JsonNode reason = red.get("reasons").get(0);
        assertEquals("CLOSE_CONTACT", reason.get("code").asText());
        assertEquals(traced, RiskEvents.instant(reason.get("since")), "known since tracing found it");
        assertEquals(time.startOf(exposedOn.plusDays(14)), RiskEvents.instant(reason.get("until")));
        assertEquals(time.startOf(exposedOn.plusDays(14)), RiskEvents.instant(red.get("quarantineUntil")));
        assertEquals(time.startOf(time.today().plusDays(1)), RiskEvents.instant(red.get("validUntil")));
    }

    @Test
    void aSecondDegreeContactIsYellowForSevenDays() throws Exception {
        time.moveToNext(LocalTime.of(10, 0));
        Declarations declaration = Declarations.harmless(Declarations.newSubjectId(), time.now()).send();
        String subject = declaration.subjectId();
        RiskEvents.await(subject, RiskEvents.causedBy(declaration.id()));
        LocalDate exposedOn = time.today().minusDays(1);

        TraceEvents contact = TraceEvents.contact(subject, 2, "CLOSE", time.startOf(exposedOn).plusSeconds(9 * 3600),
                time.now()).send();

        JsonNode yellow = RiskEvents.await(subject, RiskEvents.causedBy(contact.id()));
        assertEquals("YELLOW", yellow.get("colour").asText());
        assertEquals(List.of("SECONDARY_CONTACT"), codes(yellow));
        assertEquals(time.startOf(exposedOn.plusDays(7)), RiskEvents.instant(yellow.get("quarantineUntil")));
    }

    @Test
    void aContactOfSomeoneWhoNeverDeclaredGetsAStateAndAnEvent() throws Exception {
        time.moveToNext(LocalTime.of(10, 0));
        String subject = Declarations.newSubjectId();

        TraceEvents contact = TraceEvents.contact(subject, 1, "TRANSPORT", time.now().minus(Duration.ofHours(30)),
                time.now()).send();

        JsonNode red = RiskEvents.await(subject, RiskEvents.causedBy(contact.id()));
        assertEquals("RED", red.get("colour").asText());
        assertTrue(red.get("previousColour").isNull(), "the subject's first state");
        assertEquals("330000", red.get("province").asText(), "the case's province, until they declare");
        assertTrue(red.get("validUntil").isNull(), "nothing declared yet");
        given().auth().oauth2(TestTokens.staff("authority1", "authority", "330000"))
                .get("/v1/subjects/{id}/risk", subject).then().statusCode(200)
                .body("colour", equalTo("RED")).body("causeEventId", equalTo(contact.id()));

        Declarations registered = Declarations.harmless(subject, time.now().plusSeconds(60)).send();
        JsonNode declared = RiskEvents.await(subject, RiskEvents.causedBy(registered.id()));
        assertEquals("RED", declared.get("colour").asText(), "the contact still colours the code once they declare");
        assertEquals(time.startOf(time.today().plusDays(1)), RiskEvents.instant(declared.get("validUntil")));
    }

    @Test
    void aRedeliveredOrRepublishedFindingChangesNothing() throws Exception {
        time.moveToNext(LocalTime.of(10, 0));
        String subject = Declarations.newSubjectId();
        TraceEvents contact = TraceEvents.contact(subject, 1, "SPATIOTEMPORAL", time.now().minus(Duration.ofHours(5)),
                time.now()).send();
        contact.send();
        contact.republished().send();
        assertEquals("YELLOW", RiskEvents.await(subject, RiskEvents.causedBy(contact.id())).get("colour").asText());
        TraceEvents confirmed = TraceEvents.caseDecision(subject, UUID.randomUUID().toString(), "CONFIRMED",
                time.now().plusSeconds(1)).send();
        confirmed.send();

        assertEquals("RED", RiskEvents.await(subject, RiskEvents.causedBy(confirmed.id())).get("colour").asText());
        List<JsonNode> events = RiskEvents.about(subject, 4, Duration.ofSeconds(5));
        assertEquals(List.of(contact.id(), confirmed.id()),
                events.stream().map(e -> e.get("causeEventId").asText()).toList(), "one event per new fact");
        assertEquals(1, count("select count(*) from risk_scoring.subject_contact where subject_id = $1", subject));
        assertEquals(1, count("select count(*) from risk_scoring.case_decision where subject_id = $1", subject));
    }

    @Test
    void aMessageThatCannotBeReadOrAppliedIsDeadLetteredAloneAndTheRestOfItsBatchCounts() throws Exception {
        String subject = Declarations.newSubjectId();
        Instant now = time.now();
        TraceEvents spatiotemporal = TraceEvents.contact(subject, 1, "SPATIOTEMPORAL", now.minus(Duration.ofHours(3)),
                now);
        TraceEvents close = TraceEvents.contact(subject, 1, "CLOSE", now.minus(Duration.ofHours(2)), now);
        TraceEvents unknownDegree = TraceEvents.contact(subject, 3, "CLOSE", now, now);
        TraceEvents beyondTheDatabase = TraceEvents.contact(subject, 1, "CLOSE", now, now)
                .withData("lastExposure", "\"+300000-01-01T00:00:00Z\""); // readable, but no timestamp PostgreSQL takes

        TraceEvents.sendAll("contact-identified", subject, List.of("{not json", spatiotemporal.json(),
                unknownDegree.json(), beyondTheDatabase.json(), close.json()));

        assertEquals(3, KafkaTestClient.read("dead-letter-topic-contact-identified", r -> subject.equals(r.key()), 3,
                Duration.ofSeconds(30)).size(), "the unreadable one, the unknown degree, the one not storable");
        JsonNode red = RiskEvents.await(subject, RiskEvents.causedBy(close.id()));
        assertEquals(List.of("CLOSE_CONTACT", "SPATIOTEMPORAL"), codes(red));
        assertEquals(2, count("select count(*) from risk_scoring.subject_contact where subject_id = $1", subject));
    }

    @Test
    void anUnreadableCaseDecisionIsDeadLetteredAndTheNextOneCounts() throws Exception {
        String subject = Declarations.newSubjectId();
        KafkaTestClient.send("case-confirmed", subject, "{not json");
        KafkaTestClient.send("case-confirmed", subject,
                TraceEvents.caseDecision(subject, "c", "RECOVERED", time.now()).json());
        TraceEvents suspected = TraceEvents.caseDecision(subject, UUID.randomUUID().toString(), "SUSPECTED",
                time.now()).send();

        assertEquals(2, KafkaTestClient.read("dead-letter-topic-case-confirmed", r -> subject.equals(r.key()), 2,
                Duration.ofSeconds(30)).size(), "the unreadable case and the one of an unknown status");
        assertEquals("RED", RiskEvents.await(subject, RiskEvents.causedBy(suspected.id())).get("colour").asText());
    }

    private long count(String sql, String subject) {
        return pool.preparedQuery(sql).execute(Tuple.of(subject)).await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong(0);
    }

    private static List<String> codes(JsonNode event) {
        return event.get("reasons").findValuesAsText("code");
    }
}
