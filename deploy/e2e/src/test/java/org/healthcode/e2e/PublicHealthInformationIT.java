package org.healthcode.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthcode.e2e.CitizenJourneyIT.Citizen;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Public health information through the gateway, without signing in: the fever clinics an authority
 * lists, named in a resident's explanation of SYMPTOMS, and a region's epidemic figures, where a
 * handful of cases is only "fewer than 10" and ten red codes are counted. Every answer is checked
 * against the published OpenAPI document.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(2)
class PublicHealthInformationIT {

    private static Platform platform;
    private static PublishedContract contract;
    private final String authority = TestTokens.staff("authority-" + UUID.randomUUID(), "authority", "330000");
    private static final List<String> personalData = new ArrayList<>();

    @BeforeAll
    static void startPlatform() {
        platform = Platform.get();
        RestAssured.baseURI = platform.gatewayUrl();
        RestAssured.port = -1;
        contract = new PublishedContract(platform.gatewayUrl());
        RestAssured.filters(contract);
    }

    @AfterAll
    static void stopChecking() {
        List<Filter> others = new ArrayList<>(RestAssured.filters());
        others.remove(contract);
        RestAssured.replaceFiltersWith(others);
    }

    @Test
    @Order(1)
    void aClinicAnAuthorityAddsIsListedForItsRegionAndNamedInTheExplanationOfSymptoms() {
        String clinic = given().auth().oauth2(authority).contentType(ContentType.JSON)
                .body(Map.of("name", "瑞安市人民医院发热门诊", "address", "瑞安市万松东路108号", "regionCode", "330381",
                        "openingHours", "00:00-24:00", "telephone", "0577-65866666"))
                .post("/api/v1/fever-clinics").then().statusCode(201).body("regionName", equalTo("瑞安市"))
                .extract().path("id");
        given().auth().oauth2(TestTokens.staff("authority-sh-" + UUID.randomUUID(), "authority", "310000"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "别省的门诊", "address", "某路1号", "regionCode", "330381",
                        "openingHours", "08:00-17:00", "telephone", "021-12345678"))
                .post("/api/v1/fever-clinics").then().statusCode(403).body("error", equalTo("FORBIDDEN_PROVINCE"));

        // anyone, without signing in: the county, its city and its province list it; another county does not
        for (String region : List.of("330381", "330300", "330000")) {
            given().queryParam("region", region).get("/api/v1/fever-clinics").then().statusCode(200)
                    .body("items.id", hasItem(clinic)).body("items.name", not(hasItem("别省的门诊")));
        }
        given().queryParam("region", "330382").get("/api/v1/fever-clinics").then().statusCode(200)
                .body("items.id", not(hasItem(clinic)));
        given().queryParam("region", "33038").get("/api/v1/fever-clinics").then().statusCode(400)
                .body("error", equalTo("VALIDATION_FAILED")).body("details.field", contains("region"));

        Citizen feverish = registeredIn("330381");
        feverish.declare(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of("FEVER"),
                "temperature", 38.2));
        feverish.awaitCode("YELLOW for symptoms", c -> "YELLOW".equals(c.getString("colour")));
        JsonPath explained = given().auth().oauth2(feverish.token).header("Accept-Language", "en")
                .get("/api/v1/me/code/explanation").then().statusCode(200).body("reasons.code", contains("SYMPTOMS"))
                .extract().jsonPath();
        assertEquals(List.of("瑞安市人民医院发热门诊"),
                explained.getList("reasons[0].clinics.findAll { it.id == '" + clinic + "' }.name"));
        assertEquals("0577-65866666", explained.getString("reasons[0].clinics.find { it.id == '" + clinic
                + "' }.telephone"));
        assertNoPersonalData(explained.prettify());
    }

    @Test
    @Order(2)
    void aHandfulOfCasesIsFewerThanTenAndTenRedCodesAreTheirNumber() {
        // a handful of confirmed cases among the residents of one county
        List<Citizen> patients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Citizen patient = registeredIn("330502");
            patient.declare(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(),
                    "temperature", 36.5));
            patient.awaitCode("GREEN", c -> "GREEN".equals(c.getString("colour")));
            patients.add(patient);
        }
        for (Citizen patient : patients) {
            given().auth().oauth2(authority).contentType(ContentType.JSON)
                    .body(Map.of("subjectId", patient.subjectId(), "status", "CONFIRMED"))
                    .post("/api/v1/cases").then().statusCode(201);
            patient.awaitCode("RED as a confirmed case", c -> "RED".equals(c.getString("colour")));
        }
        String few = given().queryParam("region", "330502").get("/api/v1/public/figures").then().statusCode(200)
                .header("Cache-Control", "public, max-age=60")
                .body("regionName", equalTo("吴兴区"))
                .body("confirmed.today.value", nullValue()).body("confirmed.today.fewerThan", equalTo(10))
                .body("confirmed.last7Days.value", nullValue()).body("confirmed.last7Days.fewerThan", equalTo(10))
                .body("codes.red.value", nullValue()).body("codes.red.fewerThan", equalTo(10))
                .body("suspected.today.value", equalTo(0))
                .extract().asString();
        assertFalse(few.contains("\"value\":3"), few);

        // ten residents of another county declare contact with a case: ten red codes, counted
        for (int i = 0; i < 10; i++) {
            Citizen contact = registeredIn("330503");
            contact.declare(Map.of("travel", List.of(), "contactWithCase", true, "symptoms", List.of(),
                    "temperature", 36.5));
            contact.awaitCode("RED for a declared contact", c -> "RED".equals(c.getString("colour")));
        }
        given().queryParam("region", "330503").get("/api/v1/public/figures").then().statusCode(200)
                .header("Cache-Control", "public, max-age=60")
                .body("codes.red.value", equalTo(10)).body("codes.red.fewerThan", nullValue())
                .body("confirmed.today.value", equalTo(0));
        // the city holds both counties: 13 red codes
        given().queryParam("region", "330500").get("/api/v1/public/figures").then().statusCode(200)
                .body("codes.red.value", equalTo(13)).body("confirmed.today.fewerThan", equalTo(10));
        given().queryParam("region", "999999").get("/api/v1/public/figures").then().statusCode(400)
                .body("details.field", contains("region"));

        assertEquals(List.of(), contract.mismatches(), "answers that differ from the published schema");
    }

    private static Citizen registeredIn(String region) {
        Citizen citizen = Citizen.registeredIn(region);
        personalData.addAll(List.of(citizen.name, citizen.idNumber, citizen.phone));
        return citizen;
    }

    private static void assertNoPersonalData(String text) {
        personalData.forEach(value -> assertFalse(text.contains(value), "personal data in an answer"));
    }
}
