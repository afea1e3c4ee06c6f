package org.healthcode.declaration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DeclarationServiceResource.class)
class PersonResourceIT {

    @Test
    void anAccountWithoutRegistrationIsNotRegistered() {
        given().auth().oauth2(TestTokens.citizen(People.account()))
                .get("/v1/persons/me")
                .then().statusCode(404).body("error", equalTo("NOT_REGISTERED"));
    }

    @Test
    void aRegisteredPersonSeesTheirProfileMasked() {
        String account = People.account();
        String document = People.residentId();
        Map<String, Object> body = People.registration("欧阳克锋", "RESIDENT_ID", document, "+86 138 1234 5678");
        JsonPath registered = People.register(account, body).statusCode(201).extract().jsonPath();

        JsonPath profile = given().auth().oauth2(TestTokens.citizen(account)).get("/v1/persons/me")
                .then().statusCode(200)
                .body("id", notNullValue())
                .body("subjectId", equalTo(registered.getString("subjectId")))
                .body("maskedName", equalTo("欧**锋"))
                .body("documentType", equalTo("RESIDENT_ID"))
                .body("maskedDocumentNumber", equalTo(document.substring(0, 4) + "**********" + document.substring(14)))
                .body("maskedPhone", equalTo("138****5678"))
                .body("regionCode", equalTo("330106"))
                .body("province", equalTo("330000"))
                .body("registeredAt", notNullValue())
                .extract().jsonPath();
        assertEquals(22, profile.getString("subjectId").length());
        assertEquals(registered.getMap(""), profile.getMap(""), "registration answers the same profile");
    }

    @Test
    void onlyCitizensHaveAProfile() {
        given().auth().oauth2(TestTokens.staff("staff-1", "checkpoint", "330000"))
                .get("/v1/persons/me")
                .then().statusCode(403);
    }
}
