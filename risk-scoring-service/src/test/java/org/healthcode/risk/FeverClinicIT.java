package org.healthcode.risk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthcode.infra.testing.RealInfraResource;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The fever clinics directory and the SYMPTOMS explanation that points to it, on real Kafka and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(ShiftableClockResource.class)
class FeverClinicIT {

    final String authority = "authority-" + UUID.randomUUID();
    final String authorityToken = TestTokens.staff(authority, "authority", "330000");
    final PlatformTime time = new PlatformTime();

    @Test
    void anAuthorityKeepsItsProvincesClinicsAndAnyoneLooksThemUpByRegion() {
        String id = add(authorityToken, clinic("滨江区发热门诊", "330108")).then().statusCode(201)
                .body("regionCode", equalTo("330108")).body("regionName", equalTo("滨江区"))
                .body("telephone", equalTo("0571-87654321")).extract().path("id");

        for (String area : List.of("330108", "330100", "330000")) {
            given().queryParam("region", area).get("/v1/fever-clinics").then().statusCode(200)
                    .body("items.id", hasItem(id));
        }
        given().queryParam("region", "330102").get("/v1/fever-clinics").then().statusCode(200)
                .body("items.id", not(hasItem(id)));

        Map<String, Object> changed = clinic("滨江区发热门诊", "330108");
        changed.put("openingHours", "00:00-24:00");
        given().auth().oauth2(authorityToken).contentType(ContentType.JSON).body(changed)
                .put("/v1/fever-clinics/{id}", id).then().statusCode(200).body("openingHours", equalTo("00:00-24:00"));
        given().queryParam("region", "330108").get("/v1/fever-clinics").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.openingHours", equalTo("00:00-24:00"));

        given().auth().oauth2(authorityToken).delete("/v1/fever-clinics/{id}", id).then().statusCode(200)
                .body("id", equalTo(id));
        given().queryParam("region", "330108").get("/v1/fever-clinics").then().statusCode(200)
                .body("items.id", not(hasItem(id)));

        List<Map<String, Object>> trail = AuditLog.by(authority, "330000");
        assertEquals(List.of("FEVER_CLINIC_ADDED", "FEVER_CLINIC_CHANGED", "FEVER_CLINIC_REMOVED"),
                trail.stream().map(e -> e.get("action")).toList());
        trail.forEach(e -> {
            assertEquals("CHANGED", e.get("outcome"));
            assertEquals(id, e.get("object"));
        });
    }

    @Test
    void anotherProvincesAuthorityNeitherAddsNorChangesNorRemovesAClinic() {
        String id = add(authorityToken, clinic("萧山区发热门诊", "330109")).then().statusCode(201).extract().path("id");
        String shanghai = "authority-sh-" + UUID.randomUUID();
        String shanghaiToken = TestTokens.staff(shanghai, "authority", "310000");

        add(shanghaiToken, clinic("另一家", "330109")).then().statusCode(403).body("error", equalTo("FORBIDDEN_PROVINCE"));
        given().auth().oauth2(shanghaiToken).contentType(ContentType.JSON).body(clinic("改名", "330109"))
                .put("/v1/fever-clinics/{id}", id).then().statusCode(403).body("error", equalTo("FORBIDDEN_PROVINCE"));
        given().auth().oauth2(shanghaiToken).delete("/v1/fever-clinics/{id}", id).then().statusCode(403)
                .body("error", equalTo("FORBIDDEN_PROVINCE"));
        // nor move one of its own province's clinics into another province
        given().auth().oauth2(authorityToken).contentType(ContentType.JSON).body(clinic("萧山区发热门诊", "310104"))
                .put("/v1/fever-clinics/{id}", id).then().statusCode(403).body("error", equalTo("FORBIDDEN_PROVINCE"));
        add(TestTokens.staff("authority-nowhere", "authority", null), clinic("无省份", "330109")).then()
                .statusCode(403).body("error", equalTo("NO_PROVINCE"));
        add(TestTokens.citizen("citizen-1"), clinic("市民", "330109")).then().statusCode(403);
        add(TestTokens.staff("checkpoint1", "checkpoint", "330000"), clinic("卡口", "330109")).then().statusCode(403);
        given().contentType(ContentType.JSON).body(clinic("匿名", "330109")).post("/v1/fever-clinics").then()
                .statusCode(401);

        given().queryParam("region", "330109").get("/v1/fever-clinics").then().statusCode(200)
                .body("items.findAll { it.id == '" + id + "' }.name", contains("萧山区发热门诊"))
                .body("items.name", not(hasItem("另一家")));
        List<Map<String, Object>> refused = AuditLog.by(shanghai, "330000");
        assertEquals(List.of("FEVER_CLINIC_ADDED", "FEVER_CLINIC_CHANGED", "FEVER_CLINIC_REMOVED"),
                refused.stream().map(e -> e.get("action")).toList());
        refused.forEach(e -> assertEquals("REFUSED", e.get("outcome")));
    }

    @Test
    void badInputIsRefusedNamingTheFieldsAndChangesNothing() {
        int before = given().queryParam("region", "330000").get("/v1/fever-clinics").then().statusCode(200)
                .extract().jsonPath().getList("items").size();

        given().auth().oauth2(authorityToken).contentType(ContentType.JSON).body("{}").post("/v1/fever-clinics")
                .then().statusCode(400).body("error", equalTo("VALIDATION_FAILED"))
                .body("details.field", containsInAnyOrder("name", "address", "openingHours", "regionCode",
                        "telephone"));
        Map<String, Object> bad = clinic("x".repeat(101), "999999");
        bad.put("telephone", "call us");
        add(authorityToken, bad).then().statusCode(400)
                .body("details.field", containsInAnyOrder("name", "regionCode", "telephone"));
        add(authorityToken, clinic("全省", "330000")).then().statusCode(400).body("details.field", contains("regionCode"));
        given().auth().oauth2(authorityToken).contentType(ContentType.JSON).body(clinic("无此门诊", "330109"))
                .put("/v1/fever-clinics/{id}", UUID.randomUUID()).then().statusCode(404)
                .body("error", equalTo("CLINIC_NOT_FOUND"));
        given().auth().oauth2(authorityToken).delete("/v1/fever-clinics/not-an-id").then().statusCode(404)
                .body("error", equalTo("CLINIC_NOT_FOUND"));
        for (String region : List.of("", "abc", "999999", "3301081")) {
            given().queryParam("region", region).get("/v1/fever-clinics").then().statusCode(400)
                    .body("details.field", contains("region"));
        }
        given().get("/v1/fever-clinics").then().statusCode(400).body("details.field", contains("region"));

        assertEquals(before, given().queryParam("region", "330000").get("/v1/fever-clinics").then().statusCode(200)
                .extract().jsonPath().getList("items").size());
    }

    @Test
    void theExplanationOfSymptomsPointsToTheClinicsOfTheResidentsRegion() throws Exception {
        String county = add(authorityToken, clinic("拱墅区发热门诊", "330105")).then().statusCode(201).extract().path("id");
        String elsewhere = add(authorityToken, clinic("海曙区发热门诊", "330203")).then().statusCode(201)
                .extract().path("id");

        Declarations fever = Declarations.harmless(Declarations.newSubjectId(), time.now()).region("330105").fever()
                .send();
        RiskEvents.await(fever.subjectId(), RiskEvents.causedBy(fever.id()));
        JsonPath explained = given().auth().oauth2(TestTokens.platform("gateway")).header("Accept-Language", "en")
                .get("/v1/subjects/{id}/explanation", fever.subjectId()).then().statusCode(200)
                .body("reasons.code", contains("SYMPTOMS")).extract().jsonPath();
        List<String> pointed = explained.getList("reasons[0].clinics.id");
        assertFalse(pointed.isEmpty());
        assertEquals(List.of(county), pointed.stream().filter(c -> c.equals(county) || c.equals(elsewhere)).toList());
        assertEquals(Map.of("id", county, "name", "拱墅区发热门诊", "address", "杭州市某路 1 号", "regionCode",
                "330105", "regionName", "拱墅区", "openingHours", "08:00-22:00", "telephone", "0571-87654321"),
                withoutUpdatedAt(explained.getMap("reasons[0].clinics.find { it.id == '" + county + "' }")));

        // a county without a clinic of its own: its city's
        Declarations neighbour = Declarations.harmless(Declarations.newSubjectId(), time.now()).region("330111")
                .fever().send();
        RiskEvents.await(neighbour.subjectId(), RiskEvents.causedBy(neighbour.id()));
        given().auth().oauth2(TestTokens.platform("gateway")).get("/v1/subjects/{id}/explanation",
                neighbour.subjectId()).then().statusCode(200).body("reasons[0].clinics.id", hasItem(county))
                .body("reasons[0].clinics.id", not(hasItem(elsewhere)));

        // another reason points to no clinic
        Declarations contact = Declarations.harmless(Declarations.newSubjectId(), time.now()).region("330105")
                .contactWithCase().send();
        RiskEvents.await(contact.subjectId(), RiskEvents.causedBy(contact.id()));
        Map<String, Object> reason = given().auth().oauth2(TestTokens.platform("gateway"))
                .get("/v1/subjects/{id}/explanation", contact.subjectId()).then().statusCode(200)
                .body("reasons.code", contains("DECLARED_CONTACT")).extract().jsonPath().getMap("reasons[0]");
        assertTrue(reason.containsKey("clinics"));
        assertNull(reason.get("clinics"));
    }

    private static Map<String, Object> withoutUpdatedAt(Map<String, Object> clinic) {
        Map<String, Object> copy = new HashMap<>(clinic);
        copy.remove("updatedAt");
        return copy;
    }

    private static Map<String, Object> clinic(String name, String region) {
        Map<String, Object> clinic = new HashMap<>();
        clinic.put("name", name);
        clinic.put("address", "杭州市某路 1 号");
        clinic.put("regionCode", region);
        clinic.put("openingHours", "08:00-22:00");
        clinic.put("telephone", "0571-87654321");
        return clinic;
    }

    private static io.restassured.response.Response add(String token, Map<String, Object> clinic) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(clinic).post("/v1/fever-clinics");
    }
}
