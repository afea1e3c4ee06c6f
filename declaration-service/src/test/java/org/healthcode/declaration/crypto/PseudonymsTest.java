package org.healthcode.declaration.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.healthcode.declaration.domain.DocumentType;
import org.junit.jupiter.api.Test;

class PseudonymsTest {

    private final byte[] key = IdentityCipherTest.randomKey();
    private final Pseudonyms pseudonyms = new Pseudonyms(key);

    @Test
    void theSameDocumentAlwaysGivesTheSameSubject() {
        String first = pseudonyms.subjectId(DocumentType.RESIDENT_ID, "11010519491231002X");
        assertEquals(first, pseudonyms.subjectId(DocumentType.RESIDENT_ID, "11010519491231002X"));
        assertEquals(first, new Pseudonyms(key.clone()).subjectId(DocumentType.RESIDENT_ID, "11010519491231002X"));
        assertEquals(22, first.length());
        assertTrue(first.matches("[A-Za-z0-9_-]{22}"), first);
    }

    @Test
    void itIsTheContractsHmac() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] hash = mac.doFinal("PASSPORT:E12345678".getBytes(StandardCharsets.UTF_8));
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16)),
                pseudonyms.subjectId(DocumentType.PASSPORT, "E12345678"));
    }

    @Test
    void anotherKeyTypeOrNumberGivesAnotherSubject() {
        String subject = pseudonyms.subjectId(DocumentType.PASSPORT, "E12345678");
        assertNotEquals(subject, new Pseudonyms(IdentityCipherTest.randomKey()).subjectId(DocumentType.PASSPORT, "E12345678"));
        assertNotEquals(subject, pseudonyms.subjectId(DocumentType.TAIWAN_PERMIT, "E12345678"));
        assertNotEquals(subject, pseudonyms.subjectId(DocumentType.PASSPORT, "E12345679"));
    }
}
