package org.healthcode.risk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.healthcode.infra.testing.RealInfraResource;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The citizen's explanation of their colour, and the audit of every colour change, on real Kafka and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(ShiftableClockResource.class)
class ExplanationIT {

    static final String GATEWAY = TestTokens.platform("gateway");

    final PlatformTime time = new PlatformTime();

    @Test
    void aRedCodeIsExplainedInEnglishOrChineseWithTheDateToCheckInUntil() throws Exception {
        time.moveToNext(LocalTime.of(10, 0));
        Declarations declaration = Declarations.harmless(Declarations.newSubjectId(), time.now()).contactWithCase()
                .fever().send();
        String subject = declaration.subjectId();
        JsonNode red = RiskEvents.await(subject, RiskEvents.causedBy(declaration.id()));
        LocalDate contactEnds = LocalDate.ofInstant(RiskEvents.instant(red.get("reasons").get(0).get("until")),
                PlatformTime.ZONE);

        JsonPath english = given().auth().oauth2(GATEWAY).header("Accept-Language", "en-GB,en;q=0.9")
                .get("/v1/subjects/{id}/explanation", subject).then().statusCode(200)
                .body("subjectId", equalTo(subject)).body("colour", equalTo("RED")).body("gold", equalTo(false))
                .body("ruleSetVersion", equalTo(1)).body("language", equalTo("en"))
                .body("reasons.code", equalTo(List.of("DECLARED_CONTACT", "SYMPTOMS")))
                .extract().jsonPath();
        // the last day that needs a check-in: the day before the reason ends, when it ends at midnight
        LocalDate lastCheckIn = LocalDate.ofInstant(RiskEvents.instant(red.get("reasons").get(0).get("until"))
                .minusNanos(1), PlatformTime.ZONE);
        assertEquals("Check in every day up to and including " + lastCheckIn + "; this reason ends on " + contactEnds
                + ".", english.getString("reasons[0].action"));
        assertEquals("Check in without symptoms to turn green.", english.getString("reasons[1].action"));
        assertEquals("Your code is red: stay in quarantine and check in every day up to and including " + lastCheckIn
                + ".", english.getString("summary"));
        assertEquals(red.get("quarantineUntil").asText(), english.getString("quarantineUntil"));
        assertEquals(red.get("validUntil").asText(), english.getString("validUntil"));
        Map<String, Object> reason = english.getMap("reasons[0]");
        assertEquals(Set.of("code", "colour", "since", "until", "title", "text", "action", "clinics"),
                reason.keySet(), "nothing about another person or a case");
        assertEquals(null, reason.get("clinics"), "fever clinics are named for SYMPTOMS only");

        JsonPath chinese = given().auth().oauth2(GATEWAY).get("/v1/subjects/{id}/explanation", subject).then()
                .statusCode(200).body("language", equalTo("zh")).extract().jsonPath();
        assertEquals("请每天打卡至" + lastCheckIn.getYear() + "年" + lastCheckIn.getMonthValue() + "月"
                + lastCheckIn.getDayOfMonth() + "日（含），该原因于" + contactEnds.getYear() + "年"
                + contactEnds.getMonthValue() + "月" + contactEnds.getDayOfMonth() + "日解除。",
                chinese.getString("reasons[0].action"));
        assertEquals("健康状况异常", chinese.getString("reasons[1].title"));
    }

    @Test
    void aSubjectWithoutAColourHasNoExplanationAndOnlyCitizensAsk() {
        given().auth().oauth2(GATEWAY).get("/v1/subjects/{id}/explanation", Declarations.newSubjectId()).then()
                .statusCode(404).body("error", equalTo("NO_COLOUR_YET"));
        given().auth().oauth2(TestTokens.staff("checkpoint1", "checkpoint", "330000"))
                .get("/v1/subjects/{id}/explanation", Declarations.newSubjectId()).then().statusCode(403);
    }

    /**
     * The route takes any subject, so a person's own token is refused here: a citizen who read
     * another's subjectId off a QR code learns nothing of their colour, reasons or quarantine.
     */
    @Test
    void aCitizenReadsNobodysExplanationHereNotEvenTheirOwn() throws Exception {
        time.moveToNext(LocalTime.of(10, 0));
        Declarations declaration = Declarations.harmless(Declarations.newSubjectId(), time.now()).fever().send();
        String subject = declaration.subjectId();
        RiskEvents.await(subject, RiskEvents.causedBy(declaration.id()));
        for (String token : List.of(TestTokens.citizen("another-citizen"), TestTokens.citizen(subject),
                TestTokens.staff("au", "authority", "330000"))) {
            given().auth().oauth2(token).get("/v1/subjects/{id}/explanation", subject).then().statusCode(403)
                    .body("error", equalTo("FORBIDDEN")).body("colour", equalTo(null));
        }
        given().auth().oauth2(GATEWAY).get("/v1/subjects/{id}/explanation", subject).then().statusCode(200)
                .body("colour", equalTo("YELLOW"));
    }

    @Test
    void everyChangeOfAStateIsAuditedWithItsCauseItsRulesAndItsReasons() throws Exception {
        time.moveToNext(LocalTime.of(10, 0));
        Declarations declaration = Declarations.harmless(Declarations.newSubjectId(), time.now()).send();
        String subject = declaration.subjectId();
        RiskEvents.await(subject, RiskEvents.causedBy(declaration.id()));
        TraceEvents contact = TraceEvents.contact(subject, 1, "CLOSE", time.now().minusSeconds(3600), time.now())
                .send();
        RiskEvents.await(subject, RiskEvents.causedBy(contact.id()));

        List<Map<String, Object>> changes = AuditLog.about(subject, "330000", "COLOUR_CHANGED");

        assertEquals(2, changes.size(), changes.toString());
        assertEquals("none->GREEN cause=" + declaration.id() + " rules=v1 reasons=none", changes.get(0).get("detail"));
        assertEquals("GREEN->RED cause=" + contact.id() + " rules=v1 reasons=CLOSE_CONTACT",
                changes.get(1).get("detail"));
        for (Map<String, Object> change : changes) {
            assertEquals("event", change.get("actor"));
            assertEquals("CHANGED", change.get("outcome"));
            assertEquals("330000", change.get("province"));
        }
    }
}
