package org.healthcode.declaration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DeclarationServiceResource.class)
class DependentIT {

    @Test
    void aGuardianRegistersAtMostFiveDependents() {
        String guardian = People.account();
        People.registerSelf(guardian);
        String first = People.addDependent(guardian, "王奶奶", "PARENT").statusCode(201)
                .body("relation", equalTo("PARENT"))
                .body("maskedName", equalTo("王*奶"))
                .body("maskedPhone", nullValue())
                .body("province", equalTo("330000"))
                .extract().path("id");
        for (int i = 0; i < 4; i++) {
            People.addDependent(guardian, "王小宝", "CHILD").statusCode(201);
        }
        People.addDependent(guardian, "王小六", "CHILD").statusCode(409).body("error", equalTo("TOO_MANY_DEPENDENTS"));

        given().auth().oauth2(TestTokens.citizen(guardian)).get("/v1/persons/me/dependents")
                .then().statusCode(200).body("items", hasSize(5)).body("items[0].id", equalTo(first));
        given().auth().oauth2(TestTokens.citizen(guardian)).get("/v1/persons/me/dependents/" + first)
                .then().statusCode(200).body("id", equalTo(first)).body("relation", equalTo("PARENT"));
    }

    @Test
    void simultaneousRegistrationsCannotExceedFive() {
        String guardian = People.account();
        People.registerSelf(guardian);
        People.addDependent(guardian, "王奶奶", "PARENT").statusCode(201);
        List<Integer> statuses = RegistrationIT.inParallel(6,
                () -> People.addDependent(guardian, "王小宝", "CHILD").extract().statusCode());
        assertEquals(List.of(201, 201, 201, 201, 409, 409), statuses.stream().sorted().toList());
    }

    @Test
    void onlyTheGuardianReachesADependent() {
        String guardian = People.account();
        People.registerSelf(guardian);
        String dependent = People.addDependent(guardian, "赵爷爷", "OTHER").statusCode(201).extract().path("id");
        String stranger = People.account();
        People.registerSelf(stranger);

        for (String id : new String[] {dependent, UUID.randomUUID().toString(), "not-a-uuid"}) {
            given().auth().oauth2(TestTokens.citizen(stranger)).get("/v1/persons/me/dependents/" + id)
                    .then().statusCode(404).body("error", equalTo("DEPENDENT_NOT_FOUND"));
        }
        given().auth().oauth2(TestTokens.citizen(stranger)).contentType(ContentType.JSON)
                .body(Map.of("symptoms", new String[0], "temperature", 36.5))
                .post("/v1/persons/me/dependents/" + dependent + "/checkins")
                .then().statusCode(404).body("error", equalTo("DEPENDENT_NOT_FOUND"));
        given().auth().oauth2(TestTokens.citizen(stranger)).get("/v1/persons/me/dependents")
                .then().statusCode(200).body("items", hasSize(0));
        // The guardian's own person is not one of their dependents either.
        String self = given().auth().oauth2(TestTokens.citizen(guardian)).get("/v1/persons/me").then().extract().path("id");
        given().auth().oauth2(TestTokens.citizen(guardian)).get("/v1/persons/me/dependents/" + self)
                .then().statusCode(404).body("error", equalTo("DEPENDENT_NOT_FOUND"));

        // every reach for another's dependent is on the trail (an id that is nobody's is not)
        List<Map<String, Object>> refusals = Audit.byActor(stranger, "OTHERS_DEPENDENT");
        assertEquals(2, refusals.size(), refusals.toString());
        for (Map<String, Object> refusal : refusals) {
            assertEquals("REFUSED", refusal.get("outcome"));
            assertEquals("dependent " + dependent, refusal.get("object"));
            assertEquals(22, ((String) refusal.get("subjectId")).length());
        }
    }

    @Test
    void aDependentNeedsARegisteredGuardianAndAFreshDocument() {
        People.addDependent(People.account(), "钱奶奶", "PARENT").statusCode(404).body("error", equalTo("NOT_REGISTERED"));

        String guardian = People.account();
        People.registerSelf(guardian);
        Map<String, Object> body = People.registration("孙爷爷", "PASSPORT", People.passport(), null);
        body.put("relation", "PARENT");
        given().auth().oauth2(TestTokens.citizen(guardian)).contentType(ContentType.JSON).body(body)
                .post("/v1/persons/me/dependents").then().statusCode(201);
        given().auth().oauth2(TestTokens.citizen(guardian)).contentType(ContentType.JSON).body(body)
                .post("/v1/persons/me/dependents").then().statusCode(409)
                .body("error", equalTo("DOCUMENT_ALREADY_REGISTERED"));

        body.put("relation", "NEIGHBOUR");
        body.put("documentNumber", People.passport());
        given().auth().oauth2(TestTokens.citizen(guardian)).contentType(ContentType.JSON).body(body)
                .post("/v1/persons/me/dependents").then().statusCode(400)
                .body("details.field", equalTo(List.of("relation")));
    }
}
