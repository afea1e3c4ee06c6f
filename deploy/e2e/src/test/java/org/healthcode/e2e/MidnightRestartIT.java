package org.healthcode.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthcode.e2e.CitizenJourneyIT.Citizen;
import org.healthcode.infra.ServiceProcess;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The services that count days (risk-scoring) and show them (code-issuer) crash minutes before
 * midnight in the province (Asia/Shanghai) and start again after it. A declaration made before
 * midnight still counts for its own day: the code is valid until that midnight, the quarantine
 * ends on its day with a check-in on each day after, and no day is taken as missed.
 */
@Order(2)
class MidnightRestartIT {

    private static final String MEDIUM_RISK_REGION = "440106";
    /** How long a colour may take: these tests run right after a start, a crash or an outage, on a busy machine. */
    static final Duration PATIENCE = Duration.ofSeconds(90);
    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.get();
        RestAssured.baseURI = platform.gatewayUrl();
        RestAssured.port = -1;
    }

    @Test
    void aServiceRestartedAcrossMidnightKeepsTheDaysOfTheProvince() {
        String authority = TestTokens.staff("authority-" + UUID.randomUUID(), "authority", "330000");
        given().auth().oauth2(authority).contentType(ContentType.JSON).body(Map.of("level", "MEDIUM"))
                .put("/api/v1/regions/" + MEDIUM_RISK_REGION + "/risk").then().statusCode(200);
        LocalDate day = platform.today().plusDays(1);
        platform.advance(Duration.between(platform.clock().instant(),
                Platform.startOf(day.plusDays(1)).minus(Duration.ofMinutes(5))));

        // 23:55 (minutes to spare on a busy machine): back from a medium-risk region today, yellow for 7 days
        Citizen traveller = Citizen.registered();
        traveller.declare(Map.of("travel", List.of(Map.of("regionCode", MEDIUM_RISK_REGION,
                        "from", day.minusDays(2).toString(), "to", day.toString())),
                "contactWithCase", false, "symptoms", List.of(), "temperature", 36.5));
        Instant yellowUntil = Platform.startOf(day.plusDays(7));
        JsonPath yellow = traveller.awaitCode("YELLOW until the 7th midnight", c -> "YELLOW".equals(c.getString("colour")), PATIENCE);
        assertEquals(List.of("MEDIUM_RISK_TRAVEL"), yellow.getList("reasons.code"));
        assertEquals(yellowUntil, Instant.parse(yellow.getString("reasons[0].until")));
        assertEquals(Platform.startOf(day.plusDays(1)), Instant.parse(yellow.getString("validUntil")),
                "declared before midnight: valid until that midnight");

        // both crash before midnight and start after it
        List<ServiceProcess> crashed = List.of(platform.instances("risk-scoring-service").get(0),
                platform.instances("code-issuer-service").get(0));
        crashed.forEach(platform::kill);
        platform.advance(Duration.ofMinutes(6)); // past midnight, whatever the calls above took
        Instant restarting = Instant.now();
        platform.restartAll(crashed);
        Duration restarted = Duration.between(restarting, Instant.now());

        JsonPath after = traveller.code();
        assertEquals("YELLOW", after.getString("colour"));
        assertEquals(Platform.startOf(day.plusDays(1)), Instant.parse(after.getString("validUntil")),
                "yesterday's declaration still valid until yesterday's midnight, not moved by the restart");
        assertEquals(yellowUntil, Instant.parse(after.getString("reasons[0].until")), "the quarantine's end unmoved");

        // a check-in on each of the following days; the 7th midnight ends it, no day missed
        for (LocalDate date = day.plusDays(1); date.isBefore(day.plusDays(7)); date = date.plusDays(1)) {
            if (!date.equals(day.plusDays(1))) {
                platform.advance(Duration.ofDays(1));
            }
            Instant endOfDay = Platform.startOf(date.plusDays(1));
            traveller.checkIn(List.of(), 36.5);
            traveller.awaitCode("checked in on " + date, c -> endOfDay.equals(Instant.parse(c.getString("validUntil"))), PATIENCE);
        }
        platform.advance(Duration.ofDays(1));
        traveller.awaitCode("GREEN on the 7th day, no day taken as missed",
                c -> "GREEN".equals(c.getString("colour")), PATIENCE);
        System.out.printf("Midnight restart: risk-scoring and code-issuer killed before midnight, ready again %d s "
                + "later; 1 declaration and 6 check-ins, validUntil and the 7 days unmoved%n", restarted.toSeconds());
    }
}
