package org.healthcode.declaration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DeclarationServiceResource.class)
class SubjectResourceIT {

    private static final String[] STAFF_ROLES = {"checkpoint", "authority", "epidemiologist", "admin"};

    @Test
    void staffSeeTheMaskedNameOfASubject() {
        String account = People.account();
        String subjectId = People.register(account, People.registration("慕容复", "PASSPORT", People.passport(),
                People.phone())).statusCode(201).extract().path("subjectId");
        for (String role : STAFF_ROLES) {
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

    @Test
    void aRegisteredDocumentResolvesToTheSubjectOfItsRegistration() {
        String passport = People.passport();
        String subjectId = People.register(People.account(), People.registration("乔峰", "PASSPORT", passport,
                People.phone())).statusCode(201).extract().path("subjectId");
        for (String role : new String[] {"checkpoint", "authority"}) {
            resolve(role, Map.of("documentType", "PASSPORT", "documentNumber", passport))
                    .then().statusCode(200).body("subjectId", equalTo(subjectId)).body("registered", equalTo(true));
        }
        // written as a person reads it off the document: lower case, spaced
        String spaced = passport.toLowerCase().substring(0, 3) + " " + passport.toLowerCase().substring(3);
        resolve("checkpoint", Map.of("documentType", "PASSPORT", "documentNumber", spaced))
                .then().statusCode(200).body("subjectId", equalTo(subjectId));
        resolve("checkpoint", Map.of("documentType", "HK_MACAO_PERMIT", "documentNumber", "C" + passport.substring(1)))
                .then().statusCode(200).body("registered", equalTo(false))
                .body("subjectId", not(equalTo(subjectId)));
    }

    @Test
    void anUnregisteredDocumentHasTheSubjectItWillHaveOnRegistration() {
        String residentId = People.residentId();
        Map<String, Object> document = Map.of("documentType", "RESIDENT_ID", "documentNumber", residentId);
        String before = resolve("authority", document).then().statusCode(200).body("registered", equalTo(false))
                .extract().path("subjectId");
        assertEquals(22, before.length());
        assertEquals(before, resolve("checkpoint", document).then().extract().path("subjectId"));

        String registered = People.register(People.account(), People.registration("段誉", "RESIDENT_ID", residentId,
                People.phone())).statusCode(201).extract().path("subjectId");
        assertEquals(before, registered);
        resolve("checkpoint", document).then().statusCode(200).body("registered", equalTo(true));
    }

    @Test
    void onlyCheckpointsAndTheAuthorityResolveDocuments() {
        Map<String, Object> document = Map.of("documentType", "PASSPORT", "documentNumber", People.passport());
        for (String role : new String[] {"epidemiologist", "admin"}) {
            resolve(role, document).then().statusCode(403);
        }
        given().auth().oauth2(TestTokens.citizen(People.account())).contentType(ContentType.JSON).body(document)
                .post("/v1/subjects/resolve").then().statusCode(403);
        given().contentType(ContentType.JSON).body(document).post("/v1/subjects/resolve").then().statusCode(401);
    }

    @Test
    void aBadDocumentIsRefusedByFieldWithoutItsNumber() {
        String residentId = People.residentId();
        String wrongCheckDigit = residentId.substring(0, 17) + (residentId.charAt(17) == '0' ? "1" : "0");
        String body = resolve("checkpoint", Map.of("documentType", "RESIDENT_ID", "documentNumber", wrongCheckDigit))
                .then().statusCode(400).body("error", equalTo("VALIDATION_FAILED"))
                .body("details.field", equalTo(List.of("documentNumber"))).extract().asString();
        assertFalse(body.contains(wrongCheckDigit), "echoes the document number");

        resolve("checkpoint", Map.of("documentType", "DRIVING_LICENCE", "documentNumber", "X1"))
                .then().statusCode(400).body("details.field", equalTo(List.of("documentType")));
        resolve("checkpoint", Map.of()).then().statusCode(400)
                .body("details.field", equalTo(List.of("documentType", "documentNumber")));
        staff("authority").contentType(ContentType.JSON).post("/v1/subjects/resolve")
                .then().statusCode(400).body("details.field", equalTo(List.of("body")));
    }

    @Test
    void maskedNamesComeInOneBatchWithoutTheUnknownOnes() {
        String first = People.register(People.account(), People.registration("欧阳锋", "PASSPORT", People.passport(),
                People.phone())).statusCode(201).extract().path("subjectId");
        String second = People.register(People.account(), People.registration("王语嫣", "PASSPORT", People.passport(),
                People.phone())).statusCode(201).extract().path("subjectId");
        List<String> asked = List.of(first, "AAAAAAAAAAAAAAAAAAAAAA", second, first);
        for (String role : STAFF_ROLES) {
            maskedNames(role, Map.of("subjectIds", asked)).then().statusCode(200)
                    .body("items", hasSize(2))
                    .body("items.subjectId", containsInAnyOrder(first, second))
                    .body("items.find { it.subjectId == '" + first + "' }.maskedName", equalTo("欧*锋"))
                    .body("items.find { it.subjectId == '" + second + "' }.maskedName", equalTo("王*嫣"));
        }
        given().auth().oauth2(TestTokens.citizen(People.account())).contentType(ContentType.JSON)
                .body(Map.of("subjectIds", asked)).post("/v1/subjects/masked-names").then().statusCode(403);
        maskedNames("checkpoint", Map.of("subjectIds", List.of("AAAAAAAAAAAAAAAAAAAAAA")))
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aBatchHoldsOneToFiveHundredSubjects() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(String.format("Unknown%015d", i));
        }
        maskedNames("epidemiologist", Map.of("subjectIds", many)).then().statusCode(200).body("items", hasSize(0));
        many.add("OneTooMany000000000000");
        for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("subjectIds", many),
                Map.of("subjectIds", List.of()), Map.of())) {
            maskedNames("epidemiologist", body).then().statusCode(400).body("error", equalTo("VALIDATION_FAILED"))
                    .body("details.field", equalTo(List.of("subjectIds")));
        }
        maskedNames("epidemiologist", Map.of("subjectIds", "not-a-list")).then().statusCode(400);
    }

    @Test
    void everyStaffReadOfASubjectIsAuditedUnderTheStaffMembersAccount() {
        String passport = People.passport();
        String zhejiang = People.register(People.account(), People.registration("黄蓉", "PASSPORT", passport,
                People.phone())).statusCode(201).extract().path("subjectId");
        Map<String, Object> inShanghai = People.registration("郭靖", "PASSPORT", People.passport(), People.phone());
        inShanghai.put("regionCode", "310101");
        String shanghai = People.register(People.account(), inShanghai).statusCode(201).extract().path("subjectId");
        String unregistered = People.passport();
        String worker = "checkpoint-" + UUID.randomUUID();
        String token = TestTokens.staff(worker, "checkpoint", "330000");

        for (String document : new String[] {passport, unregistered}) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("documentType", "PASSPORT", "documentNumber", document))
                    .post("/v1/subjects/resolve").then().statusCode(200);
        }
        given().auth().oauth2(token).get("/v1/subjects/" + zhejiang + "/masked-name").then().statusCode(200);
        given().auth().oauth2(token).get("/v1/subjects/AAAAAAAAAAAAAAAAAAAAAA/masked-name").then().statusCode(404);
        // the Shanghai person is left out of a Zhejiang checkpoint's batch
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("subjectIds", List.of(zhejiang, shanghai, "AAAAAAAAAAAAAAAAAAAAAA")))
                .post("/v1/subjects/masked-names").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].subjectId", equalTo(zhejiang));
        // Refused before anything is read, so nothing to audit.
        given().auth().oauth2(TestTokens.staff(worker, "checkpoint", null)).contentType(ContentType.JSON)
                .body(Map.of("documentType", "PASSPORT", "documentNumber", passport))
                .post("/v1/subjects/resolve").then().statusCode(403).body("error", equalTo("NO_PROVINCE"));

        // A Zhejiang admin sees the reads of Zhejiang's data and the resolutions in Zhejiang...
        List<Map<String, Object>> trail = Audit.byActor(worker);
        assertEquals(List.of("SUBJECT_RESOLVED", "SUBJECT_RESOLVED", "MASKED_NAME_READ", "MASKED_NAME_READ"),
                trail.stream().map(entry -> entry.get("action")).toList());
        assertEquals(zhejiang, trail.get(0).get("subjectId"));
        assertEquals(22, ((String) trail.get(1).get("subjectId")).length(), "the unregistered document's pseudonym");
        assertEquals(List.of(zhejiang, zhejiang), List.of(trail.get(2).get("subjectId"), trail.get(3).get("subjectId")));
        for (Map<String, Object> entry : trail) {
            assertEquals("ALLOWED", entry.get("outcome"));
            assertEquals("330000", entry.get("province"));
            assertEquals(worker, entry.get("actor"));
            String text = entry.toString();
            for (String secret : new String[] {passport, unregistered, "黄", "*"}) {
                assertFalse(text.contains(secret), "the trail holds identity data");
            }
        }
        // ...a Shanghai admin the refused attempt on a Shanghai person's masked name.
        List<Map<String, Object>> shanghaiTrail = given().auth().oauth2(TestTokens.staff("admin-sh", "admin", "310000"))
                .queryParam("actor", worker).get("/v1/audit").then().statusCode(200).extract().jsonPath().getList("");
        assertEquals(List.of(shanghai), shanghaiTrail.stream().filter(e -> "CROSS_PROVINCE_READ".equals(e.get("action")))
                .map(e -> e.get("subjectId")).toList());
        assertEquals(List.of("REFUSED"), shanghaiTrail.stream().map(e -> e.get("outcome")).toList());
    }

    /**
     * Staff of another province learn nothing about a Zhejiang resident: not the subject behind
     * their document, not their masked name, not even that they are registered; each attempt is
     * refused and audited in Zhejiang. A document nobody has registered still resolves (a case may
     * precede the registration).
     */
    @Test
    void staffOfAnotherProvinceReachNoResidentHereAndEveryAttemptIsAudited() {
        String passport = People.passport();
        String zhejiang = People.register(People.account(), People.registration("黄药师", "PASSPORT", passport,
                People.phone())).statusCode(201).extract().path("subjectId");
        String unregistered = People.passport();
        String stranger = "staff-sh-" + UUID.randomUUID();
        for (String role : STAFF_ROLES) {
            String token = TestTokens.staff(stranger, role, "310000");
            given().auth().oauth2(token).get("/v1/subjects/" + zhejiang + "/masked-name").then().statusCode(403)
                    .body("error", equalTo("FORBIDDEN_PROVINCE")).body("maskedName", equalTo(null));
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("subjectIds", List.of(zhejiang)))
                    .post("/v1/subjects/masked-names").then().statusCode(200).body("items", hasSize(0));
            given().auth().oauth2(token).get("/v1/subjects/" + zhejiang + "/jurisdiction").then().statusCode(403)
                    .body("error", equalTo("FORBIDDEN_PROVINCE"));
        }
        for (String role : new String[] {"checkpoint", "authority"}) {
            given().auth().oauth2(TestTokens.staff(stranger, role, "310000")).contentType(ContentType.JSON)
                    .body(Map.of("documentType", "PASSPORT", "documentNumber", passport)).post("/v1/subjects/resolve")
                    .then().statusCode(403).body("error", equalTo("FORBIDDEN_PROVINCE")).body("subjectId", equalTo(null));
            given().auth().oauth2(TestTokens.staff(stranger, role, "310000")).contentType(ContentType.JSON)
                    .body(Map.of("documentType", "PASSPORT", "documentNumber", unregistered)).post("/v1/subjects/resolve")
                    .then().statusCode(200).body("registered", equalTo(false));
        }
        given().auth().oauth2(TestTokens.staff("authority-zj", "authority", "330000"))
                .get("/v1/subjects/" + zhejiang + "/jurisdiction").then().statusCode(200)
                .body("registered", equalTo(true)).body("province", equalTo("330000"));
        given().auth().oauth2(TestTokens.staff("authority-zj", "authority", "330000"))
                .get("/v1/subjects/AAAAAAAAAAAAAAAAAAAAAA/jurisdiction").then().statusCode(200)
                .body("registered", equalTo(false)).body("province", equalTo(null));
        given().auth().oauth2(TestTokens.citizen(People.account())).get("/v1/subjects/" + zhejiang + "/jurisdiction")
                .then().statusCode(403);

        // 4 roles x (masked name, batch, jurisdiction) + 2 resolutions; the unregistered document's
        // resolutions are audited in the caller's province, Shanghai
        List<Map<String, Object>> trail = Audit.byActor(stranger);
        assertEquals(14, trail.size(), trail.toString());
        for (Map<String, Object> entry : trail) {
            assertEquals("CROSS_PROVINCE_READ", entry.get("action"));
            assertEquals("REFUSED", entry.get("outcome"));
            assertEquals(zhejiang, entry.get("subjectId"));
            assertEquals("330000", entry.get("province"));
        }
    }

    private static RequestSpecification staff(String role) {
        return given().auth().oauth2(TestTokens.staff("staff-" + role, role, "330000"));
    }

    private static Response resolve(String role, Map<String, Object> document) {
        return staff(role).contentType(ContentType.JSON).body(document).post("/v1/subjects/resolve");
    }

    private static Response maskedNames(String role, Map<String, Object> body) {
        return staff(role).contentType(ContentType.JSON).body(body).post("/v1/subjects/masked-names");
    }
}
