package org.healthcode.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.RealInfraResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(ShiftableClockResource.class)
class DeclarationConsumerIT {

    @Inject
    Pool pool;

    final PlatformTime time = new PlatformTime();

    @Test
    void aDeclarationWithNothingRiskyIsGreenAndGoldForTheRestOfTheDay() throws Exception {
        time.moveToNext(LocalTime.of(10, 0));
        Declarations declaration = Declarations.harmless(Declarations.newSubjectId(), time.now()).send();

        JsonNode event = RiskEvents.await(declaration.subjectId(), RiskEvents.causedBy(declaration.id()));

        assertEquals("GREEN", event.get("colour").asText());
        assertTrue(event.get("gold").asBoolean(), "three doses");
        assertTrue(event.get("previousColour").isNull(), "the subject's first state");
        assertEquals(0, event.get("reasons").size());
        assertTrue(event.get("quarantineUntil").isNull());
        assertEquals(time.startOf(time.today().plusDays(1)), RiskEvents.instant(event.get("validUntil")));
        assertEquals(1, event.get("ruleSetVersion").asInt());
        assertEquals("330000", event.get("province").asText());
    }

    @Test
    void aRedeliveredDeclarationChangesNothingAndPublishesNothing() throws Exception {
        time.moveToNext(LocalTime.of(10, 0));
        String subject = Declarations.newSubjectId();
        Declarations declaration = Declarations.harmless(subject, time.now()).send();
        declaration.send();
        Declarations feverish = Declarations.checkIn(subject, time.now().plusSeconds(60)).fever().send();

        JsonNode yellow = RiskEvents.await(subject, RiskEvents.causedBy(feverish.id()));
        assertEquals("YELLOW", yellow.get("colour").asText());
        assertEquals("SYMPTOMS", yellow.get("reasons").get(0).get("code").asText());

        List<JsonNode> events = RiskEvents.about(subject, 3, Duration.ofSeconds(5));
        assertEquals(List.of(declaration.id(), feverish.id()),
                events.stream().map(e -> e.get("causeEventId").asText()).toList(), "one event per distinct declaration");
        long stored = pool.preparedQuery("select count(*) from risk_scoring.submission where subject_id = $1")
                .execute(Tuple.of(subject)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
        assertEquals(2, stored, "the redelivered declaration was not stored again");
    }

    @Test
    void travelTheAuthorityImportedThroughAHighRiskRegionTurnsRedWithoutCountingAsASubmission() throws Exception {
        time.moveToNext(LocalTime.of(10, 0));
        String subject = Declarations.newSubjectId();
        Declarations own = Declarations.harmless(subject, time.now()).send();
        assertEquals("GREEN", RiskEvents.await(subject, RiskEvents.causedBy(own.id())).get("colour").asText());
        io.restassured.RestAssured.given()
                .auth().oauth2(org.healthcode.infra.testing.TestTokens.staff("authority1", "authority", "330000"))
                .contentType(io.restassured.http.ContentType.JSON).body("{\"level\":\"HIGH\"}")
                .put("/v1/regions/{code}/risk", "510100").then().statusCode(200);

        Declarations imported = Declarations.harmless(subject, time.now().plusSeconds(60))
                .stay("510104", time.today().minusDays(3), time.today().minusDays(2)).authorityTravel().send();
        JsonNode red = RiskEvents.await(subject, RiskEvents.causedBy(imported.id()));
        assertEquals("RED", red.get("colour").asText());
        assertEquals("HIGH_RISK_TRAVEL", red.get("reasons").get(0).get("code").asText());
        long submissions = pool.preparedQuery("select count(*) from risk_scoring.submission where subject_id = $1")
                .execute(Tuple.of(subject)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
        assertEquals(1, submissions, "imported travel is not a declaration of the person's");
        assertEquals(time.startOf(time.today().plusDays(1)), RiskEvents.instant(red.get("validUntil")),
                "the code stays valid as the person's own declaration left it");
        io.restassured.RestAssured.given()
                .auth().oauth2(org.healthcode.infra.testing.TestTokens.staff("authority1", "authority", "330000"))
                .contentType(io.restassured.http.ContentType.JSON).body("{\"level\":\"LOW\"}")
                .put("/v1/regions/{code}/risk", "510100").then().statusCode(200); // as the other tests found it
    }

    @Test
    void garbageGoesToTheDeadLetterTopicAndTheNextDeclarationStillCounts() throws Exception {
        String subject = Declarations.newSubjectId();
        KafkaTestClient.send("declaration-submitted", subject, "{not json");
        Declarations incomplete = Declarations.harmless(subject, time.now());
        KafkaTestClient.send("declaration-submitted", subject, incomplete.json().replace("\"declaredAt\"", "\"x\""));
        Declarations good = Declarations.harmless(subject, time.now()).send();

        var deadLetters = KafkaTestClient.read("dead-letter-topic-declaration-submitted",
                r -> subject.equals(r.key()), 2, Duration.ofSeconds(30));
        assertEquals(2, deadLetters.size(), "the unreadable and the incomplete message");
        assertEquals("GREEN", RiskEvents.await(subject, RiskEvents.causedBy(good.id())).get("colour").asText());
    }
}
