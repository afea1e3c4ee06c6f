package org.healthcode.risk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.healthcode.infra.testing.RealInfraResource;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Colours that change with time alone: the platform clock is moved forward, nobody declares anything new. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(ShiftableClockResource.class)
class TimeDrivenReviewIT {

    final PlatformTime time = new PlatformTime();

    @Test
    void dailyCheckInsEndTheQuarantineOnTimeAndTheCodeTurnsGreenByItself() throws Exception {
        time.moveToNext(LocalTime.of(10, 0));
        markHigh("510104");
        LocalDate today = time.today();
        Instant until = time.startOf(today.plusDays(2)); // left 12 days ago: today and tomorrow to go
        Declarations declaration = Declarations.harmless(Declarations.newSubjectId(), time.now())
                .stay("510104", today.minusDays(14), today.minusDays(12)).send();
        String subject = declaration.subjectId();
        JsonNode red = RiskEvents.await(subject, RiskEvents.causedBy(declaration.id()));
        assertEquals("RED", red.get("colour").asText());
        assertEquals(until, RiskEvents.instant(red.get("reasons").get(0).get("until")));

        time.advance(Duration.ofDays(1));
        Declarations checkIn = Declarations.checkIn(subject, time.now()).send();
        JsonNode checkedIn = RiskEvents.await(subject, RiskEvents.causedBy(checkIn.id()));
        assertEquals("RED", checkedIn.get("colour").asText());
        assertEquals(until, RiskEvents.instant(checkedIn.get("quarantineUntil")), "no day missed");

        time.advance(Duration.ofDays(1));
        JsonNode green = RiskEvents.await(subject, RiskEvents.colour("GREEN"));
        assertTrue(green.get("causeEventId").isNull(), "no declaration caused it");
        assertEquals("RED", green.get("previousColour").asText());
        assertEquals(0, green.get("reasons").size());
        assertTrue(green.get("quarantineUntil").isNull());
    }

    @Test
    void aMissedCheckInDayMovesTheEndOfTheQuarantineOneDayLater() throws Exception {
        time.moveToNext(LocalTime.of(10, 0));
        markHigh("440305");
        LocalDate today = time.today();
        Declarations declaration = Declarations.harmless(Declarations.newSubjectId(), time.now())
                .stay("440305", today.minusDays(14), today.minusDays(12)).send();
        String subject = declaration.subjectId();
        JsonNode red = RiskEvents.await(subject, RiskEvents.causedBy(declaration.id()));
        assertEquals(time.startOf(today.plusDays(2)), RiskEvents.instant(red.get("quarantineUntil")));

        time.advance(Duration.ofDays(2)); // tomorrow passes without a check-in

        JsonNode extended = RiskEvents.await(subject, e -> e.get("causeEventId").isNull());
        assertEquals("RED", extended.get("colour").asText());
        assertEquals(time.startOf(today.plusDays(3)), RiskEvents.instant(extended.get("reasons").get(0).get("until")));
        assertEquals(time.startOf(today.plusDays(3)), RiskEvents.instant(extended.get("quarantineUntil")));
    }

    private static void markHigh(String regionCode) {
        given().auth().oauth2(TestTokens.staff("authority1", "authority", "330000")).contentType(ContentType.JSON)
                .body("{\"level\":\"HIGH\"}").put("/v1/regions/{code}/risk", regionCode)
                .then().statusCode(200).body("level", equalTo("HIGH"));
    }
}
