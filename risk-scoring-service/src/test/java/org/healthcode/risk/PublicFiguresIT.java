package org.healthcode.risk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import org.healthcode.infra.testing.RealInfraResource;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A region's public figures on real Kafka and PostgreSQL: no token, cached for a minute, counts from
 * 1 to 9 only "fewer than 10". Each test asks about its own regions once their events are in, since
 * an answer is kept for its max age.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(ShiftableClockResource.class)
class PublicFiguresIT {

    final PlatformTime time = new PlatformTime();

    @Test
    void aFewCasesAreOnlyFewerThanTenAndTenOrMoreAreTheirNumberWithinTheRegionAndTheCitiesAroundIt() throws Exception {
        for (int i = 0; i < 3; i++) {
            reportCase("330302", "CONFIRMED");
        }
        reportCase("330302", "SUSPECTED");
        for (int i = 0; i < 10; i++) {
            reportCase("330303", "CONFIRMED");
        }

        figures("330302").statusCode(200).header("Cache-Control", "public, max-age=60")
                .body("regionCode", equalTo("330302")).body("regionName", equalTo("鹿城区"))
                .body("confirmed.today.value", nullValue()).body("confirmed.today.fewerThan", equalTo(10))
                .body("confirmed.last7Days.value", nullValue()).body("confirmed.last7Days.fewerThan", equalTo(10))
                .body("suspected.today.fewerThan", equalTo(10))
                // each confirmed case is red: a few red codes, and no green one at all (0 is 0)
                .body("codes.red.value", nullValue()).body("codes.red.fewerThan", equalTo(10))
                .body("codes.green.value", equalTo(0)).body("codes.green.fewerThan", nullValue())
                .body("codes.yellow.value", equalTo(0));
        figures("330303").statusCode(200)
                .body("confirmed.today.value", equalTo(10)).body("confirmed.today.fewerThan", nullValue())
                .body("confirmed.last7Days.value", equalTo(10)).body("suspected.today.value", equalTo(0))
                .body("codes.red.value", equalTo(10));
        // the city holds both counties: 13 confirmed, 14 red codes
        figures("330300").statusCode(200).body("confirmed.today.value", equalTo(13))
                .body("suspected.last7Days.fewerThan", equalTo(10)).body("codes.red.value", equalTo(14));
    }

    @Test
    void tenOrMoreRedCodesOfResidentsAreCountedByTheirHomeRegion() throws Exception {
        for (int i = 0; i < 12; i++) {
            Declarations contact = Declarations.harmless(Declarations.newSubjectId(), time.now()).region("330402")
                    .contactWithCase().send();
            RiskEvents.await(contact.subjectId(), RiskEvents.causedBy(contact.id()));
        }
        Declarations well = Declarations.harmless(Declarations.newSubjectId(), time.now()).region("330402").send();
        RiskEvents.await(well.subjectId(), RiskEvents.causedBy(well.id()));
        // a case the authority placed in the province only is counted where the resident lives
        TraceEvents decision = TraceEvents.caseDecision(well.subjectId(), UUID.randomUUID().toString(), "CONFIRMED",
                time.now()).withData("regionCode", "\"330000\"").send();
        RiskEvents.await(well.subjectId(), RiskEvents.causedBy(decision.id()));

        figures("330402").statusCode(200).body("codes.red.value", equalTo(13)).body("codes.green.value", equalTo(0))
                .body("codes.yellow.value", equalTo(0)).body("confirmed.today.value", nullValue())
                .body("confirmed.today.fewerThan", equalTo(10));
    }

    @Test
    void theRiskLevelIsTheOneThatAppliesToTheRegionAndTheHighestWithinIt() {
        given().auth().oauth2(TestTokens.staff("authority-" + UUID.randomUUID(), "authority", "330000"))
                .contentType(ContentType.JSON).body("{\"level\":\"HIGH\"}").put("/v1/regions/330411/risk").then()
                .statusCode(200);
        figures("330411").statusCode(200).body("riskLevel", equalTo("HIGH")).body("highestRiskWithin", equalTo("HIGH"));
        figures("330400").statusCode(200).body("riskLevel", equalTo("LOW")).body("highestRiskWithin", equalTo("HIGH"));
        figures("330402").statusCode(200).body("riskLevel", equalTo("LOW"));
    }

    @Test
    void anUnknownOrMissingRegionIsRefusedWithoutATokenToo() {
        for (String region : List.of("", "33", "999999", "330100x")) {
            given().queryParam("region", region).get("/v1/public/figures").then().statusCode(400)
                    .body("error", equalTo("VALIDATION_FAILED")).body("details.field", contains("region"));
        }
        given().get("/v1/public/figures").then().statusCode(400).body("details.field", contains("region"));
    }

    /** A case decision of a new subject in {@code region}, once risk-scoring has taken it in. */
    private void reportCase(String region, String status) throws Exception {
        String subject = Declarations.newSubjectId();
        TraceEvents decision = TraceEvents.caseDecision(subject, UUID.randomUUID().toString(), status, time.now())
                .withData("regionCode", "\"" + region + "\"").send();
        RiskEvents.await(subject, RiskEvents.causedBy(decision.id()));
    }

    private static ValidatableResponse figures(String region) {
        return given().queryParam("region", region).get("/v1/public/figures").then();
    }
}
