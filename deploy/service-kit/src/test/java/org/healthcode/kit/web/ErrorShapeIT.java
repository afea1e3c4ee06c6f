package org.healthcode.kit.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.healthcode.infra.testing.RealInfraResource;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Every refusal a running service gives is in the platform's one error shape. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class ErrorShapeIT {

    private final String admin = TestTokens.staff("admin-1", "admin", "330000");

    @Test
    void aWrongTypedFieldNamesTheFieldAndNeverItsValue() {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"doses\":\"330102199001011234\"}")
                .post("/v1/probe")
                .then().statusCode(400).body("error", equalTo("VALIDATION_FAILED"))
                .body("details[0].field", equalTo("doses"))
                .body(not(containsString("330102199001011234")));
    }

    @Test
    void aRoleRefusalIsA403InTheErrorShape() {
        given().auth().oauth2(TestTokens.citizen("citizen-1")).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"doses\":1}")
                .post("/v1/probe")
                .then().statusCode(403).body("error", equalTo("FORBIDDEN"));
    }
}
