package org.healthcode.declaration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.healthcode.declaration.crypto.IdentityCipher;
import org.healthcode.declaration.crypto.Pseudonyms;
import org.healthcode.declaration.domain.DocumentType;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DeclarationServiceResource.class)
class RegistrationIT {

    @Inject
    Pool pool;
    @Inject
    IdentityCipher cipher;
    @Inject
    Pseudonyms pseudonyms;

    @Test
    void aDocumentRegistersOnceAndItsSubjectIdIsTheKeyedHash() {
        String document = People.residentId();
        String subjectId = People.register(People.account(), People.registration("张三", "RESIDENT_ID", document,
                People.phone())).statusCode(201).extract().path("subjectId");
        assertEquals(pseudonyms.subjectId(DocumentType.RESIDENT_ID, document), subjectId);

        // The same document written differently is still the same document.
        String other = People.account();
        String sameDocument = document.substring(0, 6) + " " + document.substring(6).toLowerCase();
        People.register(other, People.registration("张三", "RESIDENT_ID", sameDocument, People.phone()))
                .statusCode(409).body("error", equalTo("DOCUMENT_ALREADY_REGISTERED"));
        given().auth().oauth2(TestTokens.citizen(other)).get("/v1/persons/me").then().statusCode(404);
    }

    @Test
    void simultaneousRegistrationsOfOneDocumentLeaveOnePerson() {
        String document = People.residentId();
        List<Integer> statuses = inParallel(4, () -> People.register(People.account(),
                People.registration("张三", "RESIDENT_ID", document, People.phone())).extract().statusCode());
        assertEquals(List.of(201, 409, 409, 409), statuses.stream().sorted().toList());
    }

    @Test
    void anAccountRegistersOnePersonOnly() {
        String account = People.account();
        People.registerSelf(account);
        People.register(account, People.registration("李四", "PASSPORT", People.passport(), People.phone()))
                .statusCode(409).body("error", equalTo("ALREADY_REGISTERED"));
    }

    @Test
    void invalidFieldsAreAllReportedAndNothingIsStored() {
        String account = People.account();
        Map<String, Object> body = People.registration("张3", "RESIDENT_ID", "110105194912310021", "12812345678");
        body.put("regionCode", "330199");
        String answer = People.register(account, body).statusCode(400)
                .body("error", equalTo("VALIDATION_FAILED"))
                .body("details.field", containsInAnyOrder("name", "documentNumber", "phone", "regionCode"))
                .extract().asString();
        for (String value : new String[] {"张3", "110105194912310021", "12812345678", "330199"}) {
            assertFalse(answer.contains(value), "the error echoes input");
        }
        assertEquals(0L, count("select count(*) from person where account_subject = $1", account));

        People.register(account, People.registration("张三", "VISA", "X", null)).statusCode(400)
                .body("details.field", containsInAnyOrder("documentType", "phone"));
        given().auth().oauth2(TestTokens.citizen(account)).contentType(ContentType.JSON)
                .post("/v1/persons/me/registration").then().statusCode(400).body("details.field", equalTo(List.of("body")));
    }

    @Test
    void aPhoneOrNameOfTheWrongJsonTypeIsA400NamingItAndNothingIsStored() {
        String account = People.account();
        for (Object phone : new Object[] {13900000007L, true, List.of("13900000007"), Map.of("number", "13900000007")}) {
            Map<String, Object> body = People.registration("张三", "RESIDENT_ID", People.residentId(), null);
            body.put("phone", phone);
            String answer = People.register(account, body).statusCode(400).contentType(ContentType.JSON)
                    .body("error", equalTo("VALIDATION_FAILED"))
                    .body("details.field", equalTo(List.of("phone")))
                    .body("details.problem", equalTo(List.of("must be a string"))).extract().asString();
            assertFalse(answer.contains("13900000007"), "the error echoes input");
        }
        Map<String, Object> body = People.registration("张三", "RESIDENT_ID", People.residentId(), People.phone());
        body.put("name", 42);
        People.register(account, body).statusCode(400).body("details.field", equalTo(List.of("name")));
        People.register(account, People.registration("张三", "RESIDENT_ID", People.residentId(), "-13900000007"))
                .statusCode(400).body("details.field", equalTo(List.of("phone")));
        People.register(account, People.registration("Robert'); DROP TABLE person;--", "RESIDENT_ID",
                People.residentId(), People.phone())).statusCode(400).body("details.field", equalTo(List.of("name")));
        assertEquals(0L, count("select count(*) from person where account_subject = $1", account));
    }

    @Test
    void nameDocumentAndPhoneAreStoredOnlyEncrypted() {
        String account = People.account();
        String name = "司马相如";
        String document = People.residentId();
        String phone = People.phone();
        People.register(account, People.registration(name, "RESIDENT_ID", document, phone)).statusCode(201);

        Row row = pool.preparedQuery("select p.id, p.name_encrypted, p.document_number_encrypted, p.phone_encrypted, "
                + "row_to_json(p)::text as whole from person p where account_subject = $1")
                .execute(Tuple.of(account)).await().atMost(Duration.ofSeconds(5)).iterator().next();
        UUID id = row.getUUID("id");
        for (String column : new String[] {"name_encrypted", "document_number_encrypted", "phone_encrypted"}) {
            byte[] stored = row.getBuffer(column).getBytes();
            for (String secret : new String[] {name, document, phone}) {
                assertFalse(contains(stored, secret.getBytes(StandardCharsets.UTF_8)), column + " holds plaintext");
            }
        }
        String whole = row.getString("whole");
        for (String secret : new String[] {name, document, phone, document.substring(6, 14), phone.substring(3)}) {
            assertFalse(whole.contains(secret), "the person row holds plaintext");
        }
        // ...yet it is all there for whoever holds the data key.
        assertEquals(name, cipher.decrypt(row.getBuffer("name_encrypted").getBytes(), id));
        assertEquals(document, cipher.decrypt(row.getBuffer("document_number_encrypted").getBytes(), id));
        assertEquals(phone, cipher.decrypt(row.getBuffer("phone_encrypted").getBytes(), id));
    }

    static <T> List<T> inParallel(int times, Supplier<T> call) {
        List<CompletableFuture<T>> calls = IntStream.range(0, times)
                .mapToObj(i -> CompletableFuture.supplyAsync(call)).toList();
        return calls.stream().map(CompletableFuture::join).toList();
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
