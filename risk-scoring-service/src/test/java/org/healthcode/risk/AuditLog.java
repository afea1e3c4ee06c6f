package org.healthcode.risk;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.healthcode.infra.testing.TestTokens;

/** The service's audit trail as an admin of a province reads it ({@code GET /v1/audit}, the kit's). */
final class AuditLog {

    private AuditLog() {
    }

    /** The entries about the subject, oldest first, as the admin of {@code province} sees them. */
    static List<Map<String, Object>> about(String subjectId, String province) {
        return read("subjectId", subjectId, province);
    }

    /** The entries by the actor, oldest first, as the admin of {@code province} sees them. */
    static List<Map<String, Object>> by(String actor, String province) {
        return read("actor", actor, province);
    }

    /** The entries of {@code action} about the subject. */
    static List<Map<String, Object>> about(String subjectId, String province, String action) {
        return about(subjectId, province).stream().filter(e -> action.equals(e.get("action"))).toList();
    }

    private static List<Map<String, Object>> read(String filter, String value, String province) {
        JsonPath trail = given().auth().oauth2(TestTokens.staff("admin-" + province, "admin", province))
                .queryParam(filter, value).get("/v1/audit").then().statusCode(200).extract().jsonPath();
        return trail.getList("$");
    }
}
