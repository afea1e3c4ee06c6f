package org.healthcode.declaration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DeclarationServiceResource.class)
class SubjectResourceIT {

    @Test
    void staffSeeTheMaskedNameOfASubject() {
        String account = People.account();
        String subjectId = People.register(account, People.registration("慕容复", "PASSPORT", People.passport(),
                People.phone())).statusCode(201).extract().path("subjectId");
        for (String role : new String[] {"checkpoint", "authority", "epidemiologist", "admin"}) {
            given().auth().oauth2(TestTokens.staff("staff-" + role, role, "330000"))
                    .get("/v1/subjects/" + subjectId + "/masked-name")
                    .then().statusCode(200).body("subjectId", equalTo(subjectId)).body("maskedName", equalTo("慕*复"));
        }
        given().auth().oauth2(TestTokens.citizen(account)).get("/v1/subjects/" + subjectId + "/masked-name")
                .then().statusCode(403);
    }

    @Test
    void anUnknownSubjectIsNotFound() {
        given().auth().oauth2(TestTokens.staff("staff-checkpoint", "checkpoint", "330000"))
                .get("/v1/subjects/AAAAAAAAAAAAAAAAAAAAAA/masked-name")
                .then().statusCode(404).body("error", equalTo("SUBJECT_NOT_FOUND"));
    }
}
