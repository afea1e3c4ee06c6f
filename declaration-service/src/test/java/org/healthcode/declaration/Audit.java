package org.healthcode.declaration;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.healthcode.infra.testing.TestTokens;

/** The service's audit trail as an admin of Zhejiang reads it through the kit's {@code GET /v1/audit}. */
final class Audit {

    private Audit() {
    }

    /** The entries written for this actor, oldest first. */
    static List<Map<String, Object>> byActor(String actor) {
        JsonPath trail = given().auth().oauth2(TestTokens.staff("admin-auditor", "admin", "330000"))
                .queryParam("actor", actor).get("/v1/audit").then().statusCode(200).extract().jsonPath();
        return trail.getList("");
    }

    static List<Map<String, Object>> byActor(String actor, String action) {
        return byActor(actor).stream().filter(entry -> action.equals(entry.get("action"))).toList();
    }
}
