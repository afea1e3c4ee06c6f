package org.healthcode.declaration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.healthcode.declaration.crypto.IdentityCipher;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DeclarationServiceResource.class)
class AppealIT {

    private static final String UNKNOWN_SUBJECT = "AAAAAAAAAAAAAAAAAAAAAA";

    @Inject
    Pool pool;
    @Inject
    IdentityCipher cipher;

    @Test
    void aCitizenAppealsForThemselfOrADependentAndSeesThoseAppealsNewestFirst() {
        String guardian = People.account();
        String self = People.registerSelf(guardian);
        String dependent = People.addDependent(guardian, "李奶奶", "PARENT").statusCode(201).extract().path("subjectId");

        JsonPath own = file(guardian, null, "我一直在家，没有接触过病例。").statusCode(201)
                .body("id", notNullValue()).body("subjectId", equalTo(self)).body("status", equalTo("OPEN"))
                .body("reason", equalTo("我一直在家，没有接触过病例。")).body("createdAt", notNullValue())
                .body("answer", nullValue()).extract().jsonPath();
        String forDependent = file(guardian, dependent, "奶奶没有出过门。").statusCode(201)
                .body("subjectId", equalTo(dependent)).extract().path("id");
        // Naming oneself is the same as leaving the subject out: one open appeal per person.
        file(guardian, self, "再说一次").statusCode(409).body("error", equalTo("APPEAL_ALREADY_OPEN"));
        file(guardian, dependent, "再说一次").statusCode(409).body("error", equalTo("APPEAL_ALREADY_OPEN"));

        JsonPath mine = list(guardian).statusCode(200).body("items", hasSize(2)).extract().jsonPath();
        assertEquals(List.of(forDependent, own.getString("id")), mine.getList("items.id"), "newest first");
        assertEquals(List.of(dependent, self), mine.getList("items.subjectId"));
        assertEquals("奶奶没有出过门。", mine.getString("items[0].reason"));
        assertEquals(own.getMap(""), mine.getMap("items[1]"), "filing answers what the list shows");

        // Another account reaches neither the dependent nor the appeals.
        String stranger = People.account();
        People.registerSelf(stranger);
        for (String subject : new String[] {dependent, self, UNKNOWN_SUBJECT}) {
            file(stranger, subject, "不是我的").statusCode(404).body("error", equalTo("DEPENDENT_NOT_FOUND"));
        }
        list(stranger).statusCode(200).body("items", hasSize(0));
        assertEquals(2L, count("select count(*) from appeal a join person p on p.id = a.person_id "
                + "where p.account_subject = $1 or p.guardian_id = (select id from person where account_subject = $1)",
                guardian), "a refused appeal stored nothing");
    }

    @Test
    void onlyARegisteredCitizenAppeals() {
        String unregistered = People.account();
        file(unregistered, null, "理由").statusCode(404).body("error", equalTo("NOT_REGISTERED"));
        list(unregistered).statusCode(404).body("error", equalTo("NOT_REGISTERED"));
        given().auth().oauth2(TestTokens.staff("staff-authority", "authority", "330000")).get("/v1/persons/me/appeals")
                .then().statusCode(403);
        given().get("/v1/persons/me/appeals").then().statusCode(401);
    }

    @Test
    void aBadAppealIsRefusedByFieldStoresNothingAndNeverRepeatsTheText() {
        String account = People.account();
        String subject = People.registerSelf(account);
        String secret = "秘密-" + UUID.randomUUID();
        String body = file(account, null, "长".repeat(1000) + secret).statusCode(400)
                .body("error", equalTo("VALIDATION_FAILED")).body("details.field", equalTo(List.of("reason")))
                .extract().asString();
        assertFalse(body.contains(secret), "the error echoes the reason");
        file(account, null, null).statusCode(400).body("details.field", equalTo(List.of("reason")));
        file(account, "", "理由").statusCode(400).body("details.field", equalTo(List.of("subjectId")));
        citizen(account).contentType(ContentType.JSON).post("/v1/persons/me/appeals").then().statusCode(400)
                .body("details.field", equalTo(List.of("body")));
        citizen(account).contentType(ContentType.JSON).body(Map.of("reason", List.of("a", "b")))
                .post("/v1/persons/me/appeals").then().statusCode(400).body("details.field", equalTo(List.of("reason")));
        assertEquals(0L, count("select count(*) from appeal where subject_id = $1", subject));
    }

    @Test
    void theAuthorityReadsItsOwnProvincesQueueOldestFirstAndEachReadIsAudited() {
        String zhejiang = appealFrom("330106", "浙江的理由");
        String shanghai = appealFrom("310101", "上海的理由");
        String zjAuthority = "authority-zj-" + UUID.randomUUID();
        String shAuthority = "authority-sh-" + UUID.randomUUID();

        JsonPath zjQueue = queue(zjAuthority, "330000", Map.of("limit", "500")).statusCode(200).extract().jsonPath();
        List<String> ids = zjQueue.getList("items.id");
        assertTrue(ids.contains(zhejiang));
        assertFalse(ids.contains(shanghai), "another province's appeal in the queue");
        Map<String, Object> item = zjQueue.getMap("items.find { it.id == '" + zhejiang + "' }");
        assertEquals("王*明", item.get("maskedName"));
        assertEquals("浙江的理由", item.get("reason"));
        assertEquals("OPEN", item.get("status"));
        assertNull(item.get("answer"));
        assertTrue(item.containsKey("subjectId") && item.containsKey("createdAt"));
        List<Instant> created = zjQueue.<String>getList("items.createdAt").stream().map(Instant::parse).toList();
        assertEquals(created.stream().sorted().toList(), created, "oldest first");

        JsonPath shQueue = queue(shAuthority, "310000", Map.of("limit", "500")).statusCode(200).extract().jsonPath();
        assertTrue(shQueue.getList("items.id").contains(shanghai));
        assertFalse(shQueue.getList("items.id").contains(zhejiang));

        // One APPEAL_READ per appeal returned, naming the subject and the appeal.
        List<Map<String, Object>> reads = Audit.byActor(zjAuthority);
        assertEquals(ids.size(), reads.size());
        assertEquals(ids.stream().sorted().toList(), reads.stream().map(e -> (String) e.get("object")).sorted().toList());
        Map<String, Object> read = reads.stream().filter(e -> zhejiang.equals(e.get("object"))).findFirst().orElseThrow();
        assertEquals("APPEAL_READ", read.get("action"));
        assertEquals("ALLOWED", read.get("outcome"));
        assertEquals(item.get("subjectId"), read.get("subjectId"));
        assertEquals("330000", read.get("province"));
        assertNull(read.get("detail"));

        queue(zjAuthority, "330000", Map.of("limit", "1")).statusCode(200).body("items", hasSize(1));
        queue(zjAuthority, "330000", Map.of("status", "CLOSED", "limit", "0")).statusCode(400)
                .body("details.field", equalTo(List.of("status", "limit")));
        given().auth().oauth2(TestTokens.staff("no-province", "authority", null)).get("/v1/appeals")
                .then().statusCode(403).body("error", equalTo("NO_PROVINCE"));
        for (String role : new String[] {"checkpoint", "epidemiologist", "admin"}) {
            given().auth().oauth2(TestTokens.staff("staff-" + role, role, "330000")).get("/v1/appeals")
                    .then().statusCode(403);
        }
        citizen(People.account()).get("/v1/appeals").then().statusCode(403);
    }

    @Test
    void theAuthorityOfThePersonsProvinceAnswersOnceAndTheCitizenSeesTheNoteNotWhoWroteIt() {
        String account = People.account();
        People.registerSelf(account);
        String appeal = file(account, null, "我已经三次核酸阴性。").statusCode(201).extract().path("id");
        String zjAuthority = "authority-zj-" + UUID.randomUUID();
        String shAuthority = "authority-sh-" + UUID.randomUUID();

        // Another province: refused, and the refusal is in the trail of the appeal's province.
        answer(shAuthority, "310000", appeal, "UPHELD", "看起来没问题").statusCode(403)
                .body("error", equalTo("FORBIDDEN_PROVINCE"));
        List<Map<String, Object>> refusals = Audit.byActor(shAuthority);
        assertEquals(1, refusals.size());
        assertEquals("CROSS_PROVINCE_READ", refusals.get(0).get("action"));
        assertEquals("REFUSED", refusals.get(0).get("outcome"));
        assertEquals(appeal, refusals.get(0).get("object"));
        assertEquals("330000", refusals.get(0).get("province"));

        answer(zjAuthority, "330000", appeal, "MAYBE", "").statusCode(400)
                .body("details.field", equalTo(List.of("decision", "note")));
        answer(zjAuthority, "330000", UUID.randomUUID().toString(), "UPHELD", "好").statusCode(404)
                .body("error", equalTo("APPEAL_NOT_FOUND"));
        answer(zjAuthority, "330000", "not-an-id", "UPHELD", "好").statusCode(404)
                .body("error", equalTo("APPEAL_NOT_FOUND"));
        list(account).body("items[0].status", equalTo("OPEN"));

        JsonPath answered = answer(zjAuthority, "330000", appeal, "UPHELD", "核实无误，已申请纠正颜色。").statusCode(200)
                .body("id", equalTo(appeal)).body("status", equalTo("UPHELD"))
                .body("reason", equalTo("我已经三次核酸阴性。"))
                .body("answer.decision", equalTo("UPHELD")).body("answer.note", equalTo("核实无误，已申请纠正颜色。"))
                .body("answer.answeredAt", notNullValue()).extract().jsonPath();
        answer(zjAuthority, "330000", appeal, "REJECTED", "改主意了").statusCode(409)
                .body("error", equalTo("ALREADY_ANSWERED"));
        answer(shAuthority, "310000", appeal, "REJECTED", "改主意了").statusCode(403);

        String seen = list(account).statusCode(200).extract().asString();
        JsonPath mine = JsonPath.from(seen);
        assertEquals(answered.getMap(""), mine.getMap("items[0]"), "the citizen sees the answer as given");
        assertEquals(Set.of("decision", "note", "answeredAt"), mine.getMap("items[0].answer").keySet());
        assertFalse(seen.contains(zjAuthority), "the citizen learns who answered");

        assertFalse(queue(zjAuthority, "330000", Map.of("limit", "500")).extract().jsonPath().getList("items.id")
                .contains(appeal), "an answered appeal left the open queue");
        queue(zjAuthority, "330000", Map.of("status", "UPHELD", "limit", "500")).statusCode(200)
                .body("items.find { it.id == '" + appeal + "' }.answer.note", equalTo("核实无误，已申请纠正颜色。"));

        Map<String, Object> change = Audit.byActor(zjAuthority, "APPEAL_ANSWERED").get(0);
        assertEquals("CHANGED", change.get("outcome"));
        assertEquals(appeal, change.get("object"));
        assertEquals("UPHELD", change.get("detail"));
        assertEquals("330000", change.get("province"));
        assertEquals(answered.getString("subjectId"), change.get("subjectId"));
        assertEquals(1, Audit.byActor(zjAuthority, "APPEAL_ANSWERED").size(), "the refused answers changed nothing");

        // Once answered, the person may appeal again.
        file(account, null, "新情况").statusCode(201);
    }

    @Test
    void twoAuthoritiesAnsweringAtOnceAnswerOnce() {
        String account = People.account();
        People.registerSelf(account);
        String appeal = file(account, null, "请复核").statusCode(201).extract().path("id");
        List<Integer> statuses = RegistrationIT.inParallel(4, () -> answer("authority-" + UUID.randomUUID(), "330000",
                appeal, "REJECTED", "维持原判").extract().statusCode());
        assertEquals(List.of(200, 409, 409, 409), statuses.stream().sorted().toList());
    }

    @Test
    void theReasonAndTheNoteAreStoredOnlyEncryptedAndNeverLogged() {
        String reasonMark = "R" + UUID.randomUUID();
        String noteMark = "N" + UUID.randomUUID();
        String reason = "我的理由 " + reasonMark;
        String note = "答复 " + noteMark;
        String appeal;
        List<String> logged;
        try (CapturedLogs logs = new CapturedLogs()) {
            String account = People.account();
            People.registerSelf(account);
            file(account, null, "x".repeat(1001) + reasonMark).statusCode(400);
            appeal = file(account, null, reason).statusCode(201).extract().path("id");
            file(account, null, reason).statusCode(409);
            list(account).statusCode(200);
            answer("authority-" + UUID.randomUUID(), "310000", appeal, "REJECTED", note).statusCode(403);
            answer("authority-" + UUID.randomUUID(), "330000", appeal, "REJECTED", "y".repeat(1001) + noteMark)
                    .statusCode(400);
            answer("authority-" + UUID.randomUUID(), "330000", appeal, "REJECTED", note).statusCode(200);
            answer("authority-" + UUID.randomUUID(), "330000", appeal, "REJECTED", note).statusCode(409);
            queue("authority-" + UUID.randomUUID(), "330000", Map.of("status", "REJECTED", "limit", "500"))
                    .statusCode(200);
            org.jboss.logging.Logger.getLogger(AppealIT.class).info("capture-probe");
            logged = logs.lines();
        }
        assertTrue(logged.stream().anyMatch(line -> line.contains("capture-probe")), "the capture sees the log");
        for (String line : logged) {
            assertFalse(line.contains(reasonMark) || line.contains(noteMark), "logged: " + line);
        }

        Row row = pool.preparedQuery("select id, reason_encrypted, note_encrypted, row_to_json(a)::text as whole "
                + "from appeal a where id = $1").execute(Tuple.of(UUID.fromString(appeal)))
                .await().atMost(Duration.ofSeconds(5)).iterator().next();
        String whole = row.getString("whole");
        for (String secret : new String[] {reasonMark, noteMark, "我的理由", "答复"}) {
            assertFalse(whole.contains(secret), "the appeal row holds plaintext");
            for (String column : new String[] {"reason_encrypted", "note_encrypted"}) {
                assertFalse(contains(row.getBuffer(column).getBytes(), secret.getBytes(StandardCharsets.UTF_8)),
                        column + " holds plaintext");
            }
        }
        // ...and it is all there for whoever holds the data key, bound to this appeal.
        UUID id = row.getUUID("id");
        assertEquals(reason, cipher.decrypt(row.getBuffer("reason_encrypted").getBytes(), id));
        assertEquals(note, cipher.decrypt(row.getBuffer("note_encrypted").getBytes(), id));
    }

    /** A newly registered person of this region files an appeal; answers its id. */
    private static String appealFrom(String regionCode, String reason) {
        String account = People.account();
        Map<String, Object> body = People.registration("王小明", "RESIDENT_ID", People.residentId(), People.phone());
        body.put("regionCode", regionCode);
        People.register(account, body).statusCode(201);
        return file(account, null, reason).statusCode(201).extract().path("id");
    }

    private static io.restassured.specification.RequestSpecification citizen(String account) {
        return given().auth().oauth2(TestTokens.citizen(account));
    }

    static ValidatableResponse file(String account, String subjectId, String reason) {
        Map<String, Object> body = new HashMap<>();
        if (subjectId != null) {
            body.put("subjectId", subjectId);
        }
        body.put("reason", reason);
        return citizen(account).contentType(ContentType.JSON).body(body).post("/v1/persons/me/appeals").then();
    }

    private static ValidatableResponse list(String account) {
        return citizen(account).get("/v1/persons/me/appeals").then();
    }

    static ValidatableResponse queue(String authority, String province, Map<String, String> query) {
        return given().auth().oauth2(TestTokens.staff(authority, "authority", province)).queryParams(query)
                .get("/v1/appeals").then();
    }

    static ValidatableResponse answer(String authority, String province, String appeal, String decision, String note) {
        return given().auth().oauth2(TestTokens.staff(authority, "authority", province)).contentType(ContentType.JSON)
                .body(Map.of("decision", decision, "note", note)).post("/v1/appeals/" + appeal + "/answer").then();
    }

    private long count(String sql, Object parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong(0);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
