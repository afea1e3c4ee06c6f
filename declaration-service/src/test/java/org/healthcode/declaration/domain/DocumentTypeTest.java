package org.healthcode.declaration.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentTypeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @ParameterizedTest
    @CsvSource({
            "PASSPORT, E12345678, true",
            "PASSPORT, 123456789, true",
            "PASSPORT, A1234, true",
            "PASSPORT, ABCDEFGHIJKLMNOP1, true",
            "PASSPORT, A123, false",               // too short
            "PASSPORT, ABCDEFGHIJKLMNOPQ1, false", // 18 characters
            "PASSPORT, ABCDEFGH, false",           // no digit
            "PASSPORT, E1234-5678, false",
            "HK_MACAO_PERMIT, C12345678, true",    // mainland permit, old form
            "HK_MACAO_PERMIT, CA1234567, true",    // mainland permit, new form
            "HK_MACAO_PERMIT, H12345678, true",    // home-return permit, 8 digits
            "HK_MACAO_PERMIT, M1234567890, true",  // home-return permit, 10 digits
            "HK_MACAO_PERMIT, H123456789, false",  // 9 digits
            "HK_MACAO_PERMIT, X12345678, false",
            "HK_MACAO_PERMIT, CA12345678, false",
            "TAIWAN_PERMIT, 12345678, true",
            "TAIWAN_PERMIT, 1234567890, true",
            "TAIWAN_PERMIT, L12345678, true",
            "TAIWAN_PERMIT, T12345678, true",
            "TAIWAN_PERMIT, 123456789, false",
            "TAIWAN_PERMIT, A12345678, false",
            "RESIDENT_ID, 11010519491231002X, true",
            "RESIDENT_ID, 110105194912310021, false"
    })
    void eachTypeHasItsOwnFormat(DocumentType type, String number, boolean wellFormed) {
        assertEquals(wellFormed, type.isWellFormed(number, TODAY), type + " " + number);
    }

    @Test
    void numbersAreUpperCasedWithoutWhiteSpace() {
        assertEquals("11010519491231002X", DocumentType.normalise(" 110105 19491231 002x "));
        assertTrue(DocumentType.RESIDENT_ID.isWellFormed(DocumentType.normalise("11010519491231002x"), TODAY));
        assertFalse(DocumentType.RESIDENT_ID.isWellFormed("11010519491231002x", TODAY));
    }
}
