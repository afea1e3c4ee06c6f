package org.healthcode.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.healthcode.e2e.CitizenJourneyIT.Citizen;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * An employer resuming work, through the gateway: its staff register it, an authority of the
 * province approves it, an employee joins with the invitation code and their consent, and the
 * employer's daily roster shows them turn red when a case about them is confirmed, without a word
 * of why; once the employee leaves, their line is gone.
 */
@Order(2)
class OrganisationRosterIT {

    private static final String HERE = "330000";
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    @BeforeAll
    static void startPlatform() {
        RestAssured.baseURI = Platform.get().gatewayUrl();
        RestAssured.port = -1;
    }

    @Test
    void anEmployerSeesAJoinedEmployeeTurnRedWithoutWhyAndTheLineGoesWhenTheyLeave() {
        String staffAccount = "org-staff-" + UUID.randomUUID();
        String staff = TestTokens.staff(staffAccount, "organisation", HERE);
        String authority = TestTokens.staff("authority-org-" + UUID.randomUUID(), "authority", HERE);

        // a wrong check character is refused with the field named; then the real code, pending
        String uscc = uscc("330106");
        String wrong = uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0');
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("uscc", wrong, "name", "杭州某制造厂"))
                .post("/api/v1/organisations").then().statusCode(400).body("error", equalTo("VALIDATION_FAILED"))
                .body("details[0].field", equalTo("uscc"));
        String organisationId = given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("uscc", uscc, "name", "杭州某制造厂")).post("/api/v1/organisations").then()
                .statusCode(201).body("status", equalTo("PENDING")).extract().path("id");
        String code = given().auth().oauth2(authority).post("/api/v1/organisations/" + organisationId + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED")).extract().path("invitationCode");

        Citizen employee = Citizen.registered();
        employee.declare(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(),
                "temperature", 36.5));
        employee.awaitCode("GREEN", c -> "GREEN".equals(c.getString("colour")));
        String maskedName = given().auth().oauth2(employee.token).get("/api/v1/me").then().statusCode(200)
                .extract().path("maskedName");

        Map<String, Object> withoutConsent = new HashMap<>(Map.of("invitationCode", code));
        given().auth().oauth2(employee.token).contentType(ContentType.JSON).body(withoutConsent)
                .post("/api/v1/me/organisations").then().statusCode(400).body("details[0].field", equalTo("consent"));
        roster(staff).body("items", hasSize(0));
        given().auth().oauth2(employee.token).contentType(ContentType.JSON)
                .body(Map.of("invitationCode", code, "consent", true)).post("/api/v1/me/organisations").then()
                .statusCode(201).body("organisationId", equalTo(organisationId));

        JsonPath green = roster(staff).body("items", hasSize(1)).extract().jsonPath();
        assertEquals(maskedName, green.getString("items[0].maskedName"));
        assertEquals("GREEN", green.getString("items[0].colour"));
        assertTrue(green.getBoolean("items[0].declaredToday"));
        assertFalse(green.getBoolean("items[0].checkedInToday"));

        // a case about the employee is confirmed: their code turns red, and so does their line
        given().auth().oauth2(authority).contentType(ContentType.JSON)
                .body(Map.of("subjectId", employee.subjectId(), "status", "CONFIRMED"))
                .post("/api/v1/cases").then().statusCode(201);
        employee.awaitCode("RED after the confirmed case", c -> "RED".equals(c.getString("colour")));
        String red = roster(staff).extract().asString();
        JsonPath line = JsonPath.from(red);
        assertEquals("RED", line.getString("items[0].colour"), red);
        assertEquals(Map.of("memberId", line.getString("items[0].memberId"), "maskedName", maskedName,
                "colour", "RED", "gold", false, "declaredToday", true, "checkedInToday", false),
                line.getMap("items[0]"), "the line holds nothing else");
        for (String secret : List.of("CONFIRMED", "reason", employee.subjectId(), employee.name, employee.idNumber,
                employee.phone)) {
            assertFalse(red.contains(secret), "the roster tells " + secret.length() + " characters too much");
        }

        // every read is audited, and the employee can leave at any time
        String admin = TestTokens.staff("admin-org-" + UUID.randomUUID(), "admin", HERE);
        List<Map<String, Object>> reads = given().auth().oauth2(admin).queryParam("actor", staffAccount)
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath().getList("entries");
        assertTrue(reads.stream().filter(entry -> "ROSTER_READ".equals(entry.get("action"))
                && employee.subjectId().equals(entry.get("subjectId"))).count() >= 2, reads.toString());
        given().auth().oauth2(employee.token).delete("/api/v1/me/organisations/" + organisationId).then()
                .statusCode(200).body("items", hasSize(0));
        roster(staff).body("items", hasSize(0));
    }

    private static io.restassured.response.ValidatableResponse roster(String staff) {
        return given().auth().oauth2(staff).get("/api/v1/organisations/mine/roster").then().statusCode(200);
    }

    /** A valid unified social credit code registered in this region (GB 32100 check character). */
    static String uscc(String region) {
        StringBuilder code = new StringBuilder("91").append(region);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return code.append(ALPHABET.charAt(check == 31 ? 0 : check)).toString();
    }
}
