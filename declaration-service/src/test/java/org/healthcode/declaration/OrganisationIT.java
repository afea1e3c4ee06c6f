package org.healthcode.declaration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.healthcode.declaration.domain.Uscc;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Organisations resuming work: registered by their staff, approved by their province's authority,
 * joined by people with an invitation code and their consent, and their roster of masked names.
 */
@QuarkusTest
@QuarkusTestResource(DeclarationServiceResource.class)
class OrganisationIT {

    private static final String HERE = "330000";

    @Test
    void anApprovedOrganisationSeesWhoJoinedAndWhetherTheyDeclaredTodayUntilTheyLeave() {
        String staff = "org-staff-" + UUID.randomUUID();
        String uscc = uscc("330106");
        String id = register(staff, HERE, uscc, "杭州某科技有限公司").statusCode(201)
                .body("status", equalTo("PENDING")).body("province", equalTo(HERE)).body("uscc", equalTo(uscc))
                .body("invitationCode", nullValue()).extract().path("id");
        // pending: nobody can join yet, and the authority of the province has it in its queue
        given().auth().oauth2(staff(staff)).get("/v1/organisations/mine").then().statusCode(200)
                .body("status", equalTo("PENDING")).body("invitationCode", nullValue());
        String authority = "authority-org-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.staff(authority, "authority", HERE)).get("/v1/organisations").then()
                .statusCode(200).body("items.id", hasItem(id));
        String code = approve(authority, HERE, id).statusCode(200).body("status", equalTo("APPROVED"))
                .body("invitationCode", notNullValue()).extract().path("invitationCode");
        approve(authority, HERE, id).statusCode(409).body("error", equalTo("ALREADY_APPROVED"));
        assertEquals(1, Audit.byActor(authority, "ORGANISATION_APPROVED").size());

        String employee = People.account();
        String subjectId = People.registerSelf(employee);
        // no consent, no joining: nothing stored
        join(employee, code, null).statusCode(400).body("error", equalTo("VALIDATION_FAILED"))
                .body("details.field", equalTo(List.of("consent")));
        join(employee, code, false).statusCode(400);
        roster(staff).statusCode(200).body("items", hasSize(0));
        join(employee, "ZZZZ2345", true).statusCode(404).body("error", equalTo("ORGANISATION_NOT_FOUND"));

        join(employee, code.toLowerCase(), true).statusCode(201).body("organisationId", equalTo(id))
                .body("name", equalTo("杭州某科技有限公司"));
        join(employee, code, true).statusCode(201); // twice: still one membership
        given().auth().oauth2(TestTokens.citizen(employee)).get("/v1/persons/me/organisations").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].organisationId", equalTo(id));

        JsonPath before = roster(staff).statusCode(200).body("items", hasSize(1)).extract().jsonPath();
        assertEquals(subjectId, before.getString("items[0].subjectId"));
        assertEquals("王*明", before.getString("items[0].maskedName"));
        assertFalse(before.getBoolean("items[0].declaredToday"));
        assertFalse(before.getBoolean("items[0].checkedInToday"));

        given().auth().oauth2(TestTokens.citizen(employee)).contentType(ContentType.JSON)
                .body(Map.of("symptoms", List.of("FEVER"), "temperature", 38.2)).post("/v1/persons/me/checkins")
                .then().statusCode(201);
        String after = roster(staff).statusCode(200).extract().asString();
        JsonPath line = JsonPath.from(after);
        assertTrue(line.getBoolean("items[0].checkedInToday"));
        assertFalse(line.getBoolean("items[0].declaredToday"));
        // what was declared never reaches the roster
        assertFalse(after.contains("FEVER") || after.contains("38.2") || after.contains("symptoms"), after);
        assertEquals(Map.of("memberId", line.getString("items[0].memberId"), "subjectId", subjectId, "maskedName",
                "王*明", "declaredToday", false, "checkedInToday", true), line.getMap("items[0]"));

        // every read audited: one line for the read, one per member shown
        List<Map<String, Object>> reads = Audit.byActor(staff, "ROSTER_READ");
        assertEquals(5, reads.size(), "three reads, two of them showing the employee: " + reads);
        assertEquals(2, reads.stream().filter(entry -> subjectId.equals(entry.get("subjectId"))).count());

        given().auth().oauth2(TestTokens.citizen(employee)).delete("/v1/persons/me/organisations/" + id).then()
                .statusCode(200).body("items", hasSize(0));
        roster(staff).statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TestTokens.citizen(employee)).delete("/v1/persons/me/organisations/" + id).then()
                .statusCode(404).body("error", equalTo("MEMBERSHIP_NOT_FOUND"));
        given().auth().oauth2(TestTokens.citizen(employee)).get("/v1/persons/me/organisations").then()
                .statusCode(200).body("items", hasSize(0));
        List<String> consent = Audit.byActor(employee).stream().map(entry -> (String) entry.get("action"))
                .filter(action -> action.startsWith("MEMBERSHIP_")).toList();
        assertEquals(List.of("MEMBERSHIP_JOINED", "MEMBERSHIP_LEFT"), consent);
    }

    @Test
    void aCodeWithAWrongCheckCharacterIsRefusedAndNothingIsStored() {
        String staff = "org-staff-" + UUID.randomUUID();
        String valid = uscc("330106");
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        register(staff, HERE, valid.substring(0, 17) + wrong, "某公司").statusCode(400)
                .body("error", equalTo("VALIDATION_FAILED")).body("details.field", equalTo(List.of("uscc")))
                .body("details[0].problem", equalTo("has a wrong check character"))
                .body("message", not(equalTo(null)));
        register(staff, HERE, "12345", "").statusCode(400).body("details.field", equalTo(List.of("uscc", "name")));
        given().auth().oauth2(staff(staff)).get("/v1/organisations/mine").then().statusCode(404)
                .body("error", equalTo("NO_ORGANISATION"));
        // the standard's own example validates (in Fujian, so not this Zhejiang account's)
        register(staff, HERE, "91350100M000100Y43", "福州某公司").statusCode(403)
                .body("error", equalTo("FORBIDDEN_PROVINCE"));
        assertEquals(1, Audit.byActor(staff, "CROSS_PROVINCE_READ").size());
    }

    @Test
    void oneOrganisationPerCodeAndPerAccount() {
        String staff = "org-staff-" + UUID.randomUUID();
        String uscc = uscc("330106");
        register(staff, HERE, uscc, "一号公司").statusCode(201);
        register(staff, HERE, uscc("330106"), "二号公司").statusCode(409).body("error", equalTo("ALREADY_REGISTERED"));
        register("org-staff-" + UUID.randomUUID(), HERE, uscc, "冒名公司").statusCode(409)
                .body("error", equalTo("ORGANISATION_EXISTS"));
    }

    @Test
    void onlyAnAuthorityOfTheOrganisationsProvinceApprovesIt() {
        String staff = "org-staff-" + UUID.randomUUID();
        String id = register(staff, HERE, uscc("330106"), "待批公司").statusCode(201).extract().path("id");
        String shanghai = "authority-sh-" + UUID.randomUUID();
        approve(shanghai, "310000", id).statusCode(403).body("error", equalTo("FORBIDDEN_PROVINCE"));
        assertEquals(1, Audit.byActor(shanghai, "CROSS_PROVINCE_READ").size());
        given().auth().oauth2(TestTokens.staff(shanghai, "authority", "310000")).get("/v1/organisations").then()
                .statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(staff(staff)).get("/v1/organisations/mine").then().body("status", equalTo("PENDING"));
        approve("authority-" + UUID.randomUUID(), HERE, "not-a-uuid").statusCode(404);
        approve("authority-" + UUID.randomUUID(), HERE, UUID.randomUUID().toString()).statusCode(404);
        // the organisation's own staff, a citizen or a checkpoint cannot approve it
        given().auth().oauth2(staff(staff)).post("/v1/organisations/" + id + "/approve").then().statusCode(403);
        given().auth().oauth2(TestTokens.staff("cp-" + UUID.randomUUID(), "checkpoint", HERE))
                .post("/v1/organisations/" + id + "/approve").then().statusCode(403);
        given().auth().oauth2(TestTokens.citizen(People.account())).get("/v1/organisations/mine/roster").then()
                .statusCode(403);
        // a roster is read by the organisation's staff only: an authority gets no roster route
        given().auth().oauth2(TestTokens.staff("authority-" + UUID.randomUUID(), "authority", HERE))
                .get("/v1/organisations/mine/roster").then().statusCode(403);
        given().auth().oauth2(TestTokens.staff("org-" + UUID.randomUUID(), "organisation", HERE))
                .get("/v1/organisations/mine/roster").then().statusCode(404);
    }

    /** A valid code registered in this region, not used before in this run. */
    static String uscc(String region) {
        StringBuilder first17 = new StringBuilder("91").append(region);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            first17.append(Uscc.ALPHABET.charAt(random.nextInt(Uscc.ALPHABET.length())));
        }
        return first17.toString() + Uscc.checkCharacter(first17.toString());
    }

    private static String staff(String account) {
        return TestTokens.staff(account, "organisation", HERE);
    }

    private static ValidatableResponse register(String account, String province, String uscc, String name) {
        return given().auth().oauth2(TestTokens.staff(account, "organisation", province)).contentType(ContentType.JSON)
                .body(Map.of("uscc", uscc, "name", name)).post("/v1/organisations").then();
    }

    private static ValidatableResponse approve(String authority, String province, String id) {
        return given().auth().oauth2(TestTokens.staff(authority, "authority", province))
                .post("/v1/organisations/" + id + "/approve").then();
    }

    private static ValidatableResponse roster(String account) {
        return given().auth().oauth2(staff(account)).get("/v1/organisations/mine/roster").then();
    }

    private static ValidatableResponse join(String account, String code, Boolean consent) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("invitationCode", code);
        body.put("consent", consent);
        return given().auth().oauth2(TestTokens.citizen(account)).contentType(ContentType.JSON).body(body)
                .post("/v1/persons/me/organisations").then();
    }
}
