package org.healthcode.trace;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Who may decide and read cases, and what a decision must look like. */
@QuarkusTest
@QuarkusTestResource(TraceServiceResource.class)
class CaseApiIT {

    private static final String AUTHORITY = TestTokens.staff("authority-zj", "authority", "330000");

    @Inject
    Pool pool;

    @Test
    void aBadDecisionIsRefusedWithEveryOffendingFieldAndNoValueEchoed() {
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        given().auth().oauth2(AUTHORITY).contentType(ContentType.JSON)
                .body(Map.of("subjectId", "张三-110101199003071234", "status", "HEALED", "onsetDate", tomorrow,
                        "regionCode", "310101"))
                .post("/v1/cases")
                .then().statusCode(400).body("error", equalTo("VALIDATION_FAILED"))
                .body("details.field", containsInAnyOrder("subjectId", "status", "onsetDate", "regionCode"))
                .body(not(containsString("110101199003071234")));
        given().auth().oauth2(AUTHORITY).contentType(ContentType.JSON).body("{}").post("/v1/cases")
                .then().statusCode(400).body("details.field", containsInAnyOrder("subjectId", "status"));
        given().auth().oauth2(AUTHORITY).contentType(ContentType.JSON)
                .body(Map.of("subjectId", Scans.subject(), "status", "CONFIRMED", "onsetDate", "18/11/2026"))
                .post("/v1/cases")
                .then().statusCode(400).body("details.field", containsInAnyOrder("onsetDate"));
        given().auth().oauth2(AUTHORITY).contentType(ContentType.JSON).post("/v1/cases")
                .then().statusCode(400).body("details.field", containsInAnyOrder("body"));
    }

    @Test
    void anOnsetOutsideTheLastYearIsA400NamingTheSpanNotAServerError() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        for (Object onset : new Object[] {"0001-01-01", "+99999-01-01", today.minusDays(366).toString(),
                today.plusDays(1).toString(), 20261118}) {
            given().auth().oauth2(AUTHORITY).contentType(ContentType.JSON)
                    .body(Map.of("subjectId", Scans.subject(), "status", "CONFIRMED", "onsetDate", onset))
                    .post("/v1/cases")
                    .then().statusCode(400).contentType(ContentType.JSON).body("error", equalTo("VALIDATION_FAILED"))
                    .body("details.field", containsInAnyOrder("onsetDate"));
        }
        given().auth().oauth2(AUTHORITY).contentType(ContentType.JSON)
                .body(Map.of("subjectId", Scans.subject(), "status", "CONFIRMED", "onsetDate", "0001-01-01"))
                .post("/v1/cases")
                .then().statusCode(400).body("details[0].problem",
                        equalTo("must be a date written yyyy-MM-dd, not in the future and at most 365 days back"));
        String id = given().auth().oauth2(AUTHORITY).contentType(ContentType.JSON)
                .body(Map.of("subjectId", Scans.subject(), "status", "SUSPECTED", "onsetDate",
                        today.minusDays(365).toString()))
                .post("/v1/cases")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(AUTHORITY).get("/v1/cases/" + id)
                .then().statusCode(200).body("onsetDate", equalTo(today.minusDays(365).toString()));
    }

    @Test
    void onlyTheAuthorityDecidesAndOnlyStaffOfTheCasesProvinceRead() {
        Map<String, String> body = Map.of("subjectId", Scans.subject(), "status", "CONFIRMED");
        given().contentType(ContentType.JSON).body(body).post("/v1/cases").then().statusCode(401);
        for (String token : new String[] {TestTokens.citizen("someone"),
                TestTokens.staff("epi", "epidemiologist", "330000"), TestTokens.staff("cp", "checkpoint", "330000")}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/v1/cases")
                    .then().statusCode(403);
        }
        given().auth().oauth2(TestTokens.staff("nowhere", "authority", null)).contentType(ContentType.JSON).body(body)
                .post("/v1/cases").then().statusCode(403).body("error", equalTo("NO_PROVINCE"));
        given().auth().oauth2(TestTokens.citizen("someone")).get("/v1/cases/" + UUID.randomUUID() + "/contacts")
                .then().statusCode(403);
    }

    /**
     * An authority of Shanghai cannot confirm a case about a Zhejiang resident here, whatever it
     * sends: refused before anything is written (no case, no event), the refusal audited; the same authority's own residents and documents nobody registered still work.
     */
    @Test
    void anAuthorityOfAnotherProvinceRecordsNoCaseAboutAResidentHere() throws Exception {
        String resident = Scans.subject();
        DeclarationStandIn.register(resident, "330000");
        String shanghai = TestTokens.staff("authority-sh-" + UUID.randomUUID(), "authority", "310000");
        given().auth().oauth2(shanghai).contentType(ContentType.JSON)
                .body(Map.of("subjectId", resident, "status", "CONFIRMED")).post("/v1/cases")
                .then().statusCode(403).body("error", equalTo("FORBIDDEN_PROVINCE")).body("id", equalTo(null));
        assertEquals("Bearer " + shanghai, DeclarationStandIn.lastAuthorization(resident),
                "declaration-service is asked with the authority's own token");
        assertEquals(0L, count("select count(*) from trace_case where subject_id = $1", resident));
        assertEquals(List.of(), KafkaTestClient.read("case-confirmed", r -> resident.equals(r.key()), 1,
                Duration.ofSeconds(3)), "no case-confirmed");
        // declaration-service tells a stranger nothing of where the person lives: this service keeps the
        // refusal in the caller's province (declaration-service keeps its own in the person's)
        given().auth().oauth2(TestTokens.staff("admin-sh", "admin", "310000")).queryParam("subjectId", resident)
                .get("/v1/audit").then().statusCode(200).body("action", contains("CROSS_PROVINCE_READ"))
                .body("outcome", contains("REFUSED")).body("object", contains("POST /v1/cases"));

        given().auth().oauth2(AUTHORITY).contentType(ContentType.JSON)
                .body(Map.of("subjectId", resident, "status", "CONFIRMED")).post("/v1/cases").then().statusCode(201);
        given().auth().oauth2(shanghai).contentType(ContentType.JSON)
                .body(Map.of("subjectId", Scans.subject(), "status", "SUSPECTED")).post("/v1/cases").then().statusCode(201);
    }

    @Test
    void anUnknownCaseIsNotFoundAndClearingNobodyToo() {
        String epidemiologist = TestTokens.staff("epi", "epidemiologist", "330000");
        for (String id : new String[] {UUID.randomUUID().toString(), "not-a-case"}) {
            given().auth().oauth2(epidemiologist).get("/v1/cases/" + id + "/chain")
                    .then().statusCode(404).body("error", equalTo("CASE_NOT_FOUND"));
            given().auth().oauth2(epidemiologist).get("/v1/cases/" + id)
                    .then().statusCode(404).body("error", equalTo("CASE_NOT_FOUND"));
        }
        given().auth().oauth2(AUTHORITY).contentType(ContentType.JSON)
                .body(Map.of("subjectId", Scans.subject(), "status", "CLEARED")).post("/v1/cases")
                .then().statusCode(404).body("error", equalTo("CASE_NOT_FOUND"));
        given().auth().oauth2(epidemiologist).queryParam("size", 0).queryParam("page", -1)
                .get("/v1/cases/" + UUID.randomUUID() + "/contacts")
                .then().statusCode(400).body("details.field", containsInAnyOrder("page", "size"));
    }

    @Test
    void aClearedCaseStaysClearedAndANewConfirmationOpensANewCase() {
        String subject = Scans.subject();
        String first = decide(subject, "CONFIRMED").statusCode(201).body("change", equalTo("OPENED")).extract().path("id");
        decide(subject, "CLEARED").statusCode(201).body("id", equalTo(first)).body("change", equalTo("CHANGED"));
        decide(subject, "CLEARED").statusCode(201).body("id", equalTo(first)).body("change", equalTo("NOTHING_TO_CLEAR"));
        decide(subject, "CONFIRMED").statusCode(201).body("change", equalTo("OPENED")).body("id", not(equalTo(first)));
    }

    private static io.restassured.response.ValidatableResponse decide(String subject, String status) {
        return given().auth().oauth2(AUTHORITY).contentType(ContentType.JSON)
                .body(Map.of("subjectId", subject, "status", status)).post("/v1/cases").then();
    }

    private long count(String sql, String subjectId) {
        return pool.preparedQuery(sql).execute(Tuple.of(subjectId)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }
}
