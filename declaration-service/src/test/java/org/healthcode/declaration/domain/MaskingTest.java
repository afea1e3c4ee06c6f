package org.healthcode.declaration.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void namesKeepTheirFirstAndLastCharacter() {
        assertEquals("张*", Masking.name("张"));
        assertEquals("张*", Masking.name("张三"));
        assertEquals("张*三", Masking.name("张小三"));
        assertEquals("欧**锋", Masking.name("欧阳克锋"));
        assertEquals("J********h", Masking.name("John Smith"));
        assertEquals("𠀀*", Masking.name("𠀀𠀁"));
    }

    @Test
    void residentIdsKeepFourAtEachEnd() {
        assertEquals("1101**********002X", Masking.documentNumber(DocumentType.RESIDENT_ID, "11010519491231002X"));
    }

    @Test
    void otherDocumentsKeepTwoAtEachEnd() {
        assertEquals("E1*****78", Masking.documentNumber(DocumentType.PASSPORT, "E12345678"));
        assertEquals("A1*34", Masking.documentNumber(DocumentType.PASSPORT, "A1234"));
        assertEquals("M1*******90", Masking.documentNumber(DocumentType.HK_MACAO_PERMIT, "M1234567890"));
    }

    @Test
    void phonesKeepThreeAndFour() {
        assertEquals("138****5678", Masking.phone("13812345678"));
        assertEquals("+14****0123", Masking.phone("+14155550123"));
    }
}
