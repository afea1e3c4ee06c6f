package org.healthcode.declaration;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.KeysetHandle;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.healthcode.declaration.crypto.DataKeyset;
import org.healthcode.declaration.crypto.IdentityCipher;
import org.healthcode.declaration.crypto.LegacyAesGcm;
import org.healthcode.declaration.crypto.TestKeysets;
import org.healthcode.declaration.service.ReEncryption;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Rotating the data key on the real database: values written under the single key of before
 * keysets still read once the keyset has a new primary; the re-encryption job moves every
 * encrypted column onto the new key, in batches, audited, and a second run finds nothing; then a
 * keyset without the old key reads everything.
 */
@QuarkusTest
@QuarkusTestResource(DeclarationServiceResource.class)
class DataKeyRotationIT {

    /** Every encrypted column of the schema, by table. */
    private static final Map<String, List<String>> ENCRYPTED = Map.of(
            "person", List.of("name_encrypted", "document_number_encrypted", "phone_encrypted"),
            "appeal", List.of("reason_encrypted", "note_encrypted"));

    @Inject
    Pool pool;
    @Inject
    IdentityCipher cipher;
    @Inject
    ReEncryption reEncryption;
    @ConfigProperty(name = "declaration.data-key")
    String oldKey;
    @ConfigProperty(name = "declaration.data-keyset")
    String keysetJson;

    @Test
    void valuesUnderTheOldKeyReadAfterANewPrimaryMoveToItAndStillReadWithoutTheOldKey() throws Throwable {
        byte[] old = Base64.getDecoder().decode(oldKey);
        // Three people with everything encrypted, as the service wrote them before keysets: a guardian
        // with an answered appeal, a dependent (no phone) with an open one.
        Map<String, String> written = new HashMap<>();
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String account = People.account();
            accounts.add(account);
            People.registerSelf(account);
            String dependent = People.addDependent(account, "李奶奶", "PARENT").statusCode(201).extract().path("subjectId");
            String answered = AppealIT.file(account, null, "理由 " + account).statusCode(201).extract().path("id");
            AppealIT.answer("authority-rotation", "330000", answered, "REJECTED", "答复 " + account).statusCode(200);
            AppealIT.file(account, dependent, "奶奶的理由 " + account).statusCode(201);
            for (Row row : rows("select p.id, 'person' as t from person p where p.account_subject = $1"
                    + " or p.guardian_id = (select id from person where account_subject = $1)"
                    + " union all select a.id, 'appeal' from appeal a join person p on p.id = a.person_id"
                    + " where p.account_subject = $1 or p.guardian_id = (select id from person where account_subject = $1)",
                    account)) {
                rewriteUnderOldKey(row.getString("t"), row.getUUID("id"), old, written);
            }
        }
        assertEquals(3 * (3 + 2 + 2 + 1), written.size(), "values written under the old key");

        // The keyset's new primary reads them all; the citizen's appeals answer as before.
        assertAllRead(cipher, written);
        assertFalse(written.keySet().stream().allMatch(this::underPrimary));
        var mine = given().auth().oauth2(TestTokens.citizen(accounts.get(0))).get("/v1/persons/me/appeals").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(2, mine.getList("items").size());
        for (int i = 0; i < 2; i++) {
            assertEquals("reason_encrypted of " + mine.getString("items[" + i + "].id"), mine.getString("items[" + i + "].reason"));
        }
        assertEquals("note_encrypted of " + mine.getString("items[1].id"), mine.getString("items[1].answer.note"));

        // The job moves every value of every row onto the primary, in batches, each audited.
        ReEncryption.Report report = VertxContextSupport.subscribeAndAwait(reEncryption::run);
        assertEquals(cipher.primaryKeyId(), report.primaryKeyId());
        assertTrue(report.rows().get("person") >= 6 && report.rows().get("appeal") >= 6, report.toString());
        for (String table : ENCRYPTED.keySet()) {
            for (String column : ENCRYPTED.get(table)) {
                for (Row row : rows("select id, " + column + " as v from " + table + " where " + column + " is not null")) {
                    byte[] value = row.getBuffer("v").getBytes();
                    assertEquals(OptionalInt.of(cipher.primaryKeyId()), IdentityCipher.keyIdOf(value),
                            table + " " + row.getUUID("id") + " " + column);
                    cipher.decrypt(value, row.getUUID("id"));
                }
            }
        }
        assertAllRead(cipher, written);
        List<Map<String, Object>> audited = Audit.byActor(ReEncryption.JOB, ReEncryption.REENCRYPTED);
        assertFalse(audited.isEmpty());
        assertTrue(audited.size() >= 4, "batches of 4 rows: " + audited.size());
        assertTrue(audited.stream().allMatch(entry -> entry.get("subjectId") == null
                && String.valueOf(entry.get("detail")).endsWith("under key " + Integer.toUnsignedLong(cipher.primaryKeyId()))),
                audited.toString());

        // Idempotent: nothing left to move.
        ReEncryption.Report again = VertxContextSupport.subscribeAndAwait(reEncryption::run);
        assertEquals(0, again.total(), again.toString());
        assertEquals(audited.size(), Audit.byActor(ReEncryption.JOB, ReEncryption.REENCRYPTED).size());

        // The old key out of the keyset (and declaration.data-key unset): everything still reads.
        KeysetHandle keyset = DataKeyset.from(Optional.of(keysetJson), Optional.empty());
        int oldKeyId = keyset.getAt(0).isPrimary() ? keyset.getAt(1).getId() : keyset.getAt(0).getId();
        KeysetHandle reduced = TestKeysets.without(keyset, oldKeyId);
        assertEquals(1, reduced.size());
        IdentityCipher withoutOldKey = new IdentityCipher(DataKeyset.from(Optional.of(TestKeysets.json(reduced)),
                Optional.empty()));
        assertAllRead(withoutOldKey, written);
        for (String table : ENCRYPTED.keySet()) {
            for (String column : ENCRYPTED.get(table)) {
                for (Row row : rows("select id, " + column + " as v from " + table + " where " + column + " is not null")) {
                    withoutOldKey.decrypt(row.getBuffer("v").getBytes(), row.getUUID("id"));
                }
            }
        }
        // ...whereas a value of the old key would now be refused.
        UUID someRow = UUID.randomUUID();
        assertThrows(IllegalArgumentException.class,
                () -> withoutOldKey.decrypt(LegacyAesGcm.encrypt(old, "x", someRow), someRow));
    }

    /** Replaces each encrypted value of the row by the old code's encryption of a known text; remembers it. */
    private void rewriteUnderOldKey(String table, UUID id, byte[] oldKey, Map<String, String> written) {
        for (String column : ENCRYPTED.get(table)) {
            Row row = rows("select " + column + " as v from " + table + " where id = $1", id).get(0);
            if (row.getBuffer("v") == null) {
                continue;
            }
            String text = column + " of " + id;
            execute("update " + table + " set " + column + " = $1 where id = $2",
                    Buffer.buffer(LegacyAesGcm.encrypt(oldKey, text, id)), id);
            written.put(table + "/" + column + "/" + id, text);
        }
    }

    private void assertAllRead(IdentityCipher reader, Map<String, String> written) {
        for (Map.Entry<String, String> value : written.entrySet()) {
            String[] where = value.getKey().split("/");
            UUID id = UUID.fromString(where[2]);
            byte[] stored = rows("select " + where[1] + " as v from " + where[0] + " where id = $1", id).get(0)
                    .getBuffer("v").getBytes();
            assertEquals(value.getValue(), reader.decrypt(stored, id), value.getKey());
        }
    }

    private boolean underPrimary(String key) {
        String[] where = key.split("/");
        UUID id = UUID.fromString(where[2]);
        return cipher.isUnderPrimaryKey(rows("select " + where[1] + " as v from " + where[0] + " where id = $1", id)
                .get(0).getBuffer("v").getBytes());
    }

    private List<Row> rows(String sql, Object... parameters) {
        List<Row> found = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(Duration.ofSeconds(10)).forEach(found::add);
        return found;
    }

    private void execute(String sql, Object... parameters) {
        pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(Duration.ofSeconds(10));
    }
}
