package org.healthcode.declaration;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.healthcode.declaration.domain.ResidentId;
import org.healthcode.infra.testing.TestTokens;

/** Test people with fresh, valid documents, and the calls their accounts make. */
final class People {

    private People() {
    }

    static String account() {
        return "account-" + UUID.randomUUID();
    }

    /** A valid resident ID number not used before in this run (random birth date and sequence). */
    static String residentId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(30_000));
        String first17 = "330106" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
        return first17 + ResidentId.checkDigit(first17);
    }

    static String passport() {
        return "E" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    }

    static String phone() {
        return "139" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    }

    static Map<String, Object> registration(String name, String documentType, String documentNumber, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("documentType", documentType);
        body.put("documentNumber", documentNumber);
        body.put("phone", phone);
        body.put("regionCode", "330106");
        return body;
    }

    static ValidatableResponse register(String account, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.citizen(account)).contentType(ContentType.JSON).body(body)
                .post("/v1/persons/me/registration").then();
    }

    /** Registers the account's own person and answers its subjectId. */
    static String registerSelf(String account) {
        return register(account, registration("王小明", "RESIDENT_ID", residentId(), phone()))
                .statusCode(201).extract().path("subjectId");
    }

    static ValidatableResponse addDependent(String guardian, String name, String relation) {
        Map<String, Object> body = registration(name, "PASSPORT", passport(), null);
        body.put("relation", relation);
        return given().auth().oauth2(TestTokens.citizen(guardian)).contentType(ContentType.JSON).body(body)
                .post("/v1/persons/me/dependents").then();
    }
}
