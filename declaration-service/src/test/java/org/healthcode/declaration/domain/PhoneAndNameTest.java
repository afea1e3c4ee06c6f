package org.healthcode.declaration.domain;

import static org.healthcode.declaration.domain.DocumentType.HK_MACAO_PERMIT;
import static org.healthcode.declaration.domain.DocumentType.PASSPORT;
import static org.healthcode.declaration.domain.DocumentType.RESIDENT_ID;
import static org.healthcode.declaration.domain.DocumentType.TAIWAN_PERMIT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhoneAndNameTest {

    @Test
    void mainlandMobilesAreKeptAsElevenDigitsForEveryDocument() {
        for (DocumentType document : DocumentType.values()) {
            assertEquals(Optional.of("13812345678"), Phone.normalise("13812345678", document));
            assertEquals(Optional.of("13812345678"), Phone.normalise("+86 138-1234-5678", document));
            assertEquals(Optional.of("19912345678"), Phone.normalise(" +8619912345678 ", document));
            assertEquals(Optional.of("13812345678"), Phone.normalise("138 1234 5678", document));
        }
    }

    @Test
    void aResidentIdHolderGivesAMainlandMobileOnly() {
        for (String phone : new String[] {"12812345678", "1381234567", "138123456789", "02112345678",
                "+1 4155550123", "+8513812345678", "+85291234567", "+862112345678", "1381234567a", "", " ",
                "-13900000007", "13900000007-", "139--00000007", "+-13900000007", "++8613900000007",
                "8613900000007", "(+86)13900000007", "139.0000.0007", "１３９００００００００７", "139\n00000007",
                "13900000007;DROP TABLE person"}) {
            assertEquals(Optional.empty(), Phone.normalise(phone, RESIDENT_ID), phone);
        }
        assertEquals(Optional.empty(), Phone.normalise(null, RESIDENT_ID));
    }

    @Test
    void otherDocumentHoldersMayGiveAnInternationalNumber() {
        for (DocumentType document : new DocumentType[] {PASSPORT, HK_MACAO_PERMIT, TAIWAN_PERMIT}) {
            assertEquals(Optional.of("+14155550123"), Phone.normalise("+1 415-555-0123", document));
            assertEquals(Optional.of("+85291234567"), Phone.normalise("+852 9123 4567", document));
            assertEquals(Optional.of("+886912345678"), Phone.normalise("+886912345678", document));
            assertEquals(Optional.of("+12345678"), Phone.normalise("+12345678", document), "8 digits");
            assertEquals(Optional.of("+123456789012345"), Phone.normalise("+123456789012345", document), "15 digits");
            for (String phone : new String[] {"+1234567", "+1234567890123456", "+0123456789", "4155550123",
                    "-13900000007", "+1  4155550123", "+1-", "+", "+1 (415) 555-0123", "+１4155550123"}) {
                assertEquals(Optional.empty(), Phone.normalise(phone, document), phone);
            }
        }
    }

    @Test
    void namesAreLettersInWordsOfOneToFiftyCharacters() {
        assertEquals(Optional.of("张三"), PersonName.normalise("  张三 "));
        assertEquals(Optional.of("买买提·艾力"), PersonName.normalise("买买提·艾力"));
        assertEquals(Optional.of("Anna Müller"), PersonName.normalise("Anna Müller"));
        assertEquals(Optional.of("Jean-Luc O'Neil"), PersonName.normalise("Jean-Luc O'Neil"));
        assertEquals(Optional.of("Nguyễn Thị Minh Khai"), PersonName.normalise("Nguyễn Thị Minh Khai"));
        assertEquals(Optional.of("张 Anna"), PersonName.normalise("张 Anna"));
        assertEquals(Optional.of("𠀀"), PersonName.normalise("𠀀")); // one ideograph outside the BMP
        assertEquals(Optional.of("名".repeat(50)), PersonName.normalise("名".repeat(50)));
        assertEquals(Optional.of("𠀀".repeat(50)), PersonName.normalise("𠀀".repeat(50)), "counted in characters");
        assertEquals(Optional.empty(), PersonName.normalise("名".repeat(51)));
        assertEquals(Optional.empty(), PersonName.normalise("   "));
        assertEquals(Optional.empty(), PersonName.normalise(""));
        assertEquals(Optional.empty(), PersonName.normalise(null));
    }

    @Test
    void namesAreKeptInOneFormWhateverTheInputMethodTyped() {
        assertEquals(Optional.of("José"), PersonName.normalise("Jose\u0301"), "NFC");
        assertEquals(Optional.of("买买提·艾力"), PersonName.normalise("买买提・艾力"), "katakana middle dot U+30FB");
        assertEquals(Optional.of("买买提·艾力"), PersonName.normalise("买买提･艾力"), "halfwidth middle dot U+FF65");
        assertEquals(Optional.of("买买提·艾力"), PersonName.normalise("买买提‧艾力"), "hyphenation point U+2027");
        assertEquals(Optional.of("O'Neil"), PersonName.normalise("O’Neil"));
        assertEquals(Optional.of("Anna Müller"), PersonName.normalise("Anna   Müller"));
        assertEquals(Optional.of("Anna Müller"), PersonName.normalise("Anna\u3000Müller"));
    }

    @Test
    void digitsSymbolsEmojiControlsAndBrokenTextAreNoNames() {
        for (String name : new String[] {"张3", "张三３", "Robert'); DROP TABLE person;--", "x' OR '1'='1", "张三😀",
                "😀", "张\u0000三", "张\n三", "张\t三", "张\u202e三", "张\u200b三", "\ud800张三", "张三\udc00", "张<b>三",
                "张三!", "张_三", "张@三", "Ⅻ", "〇", "⺁", "-张三", "张三-", "张--三", "张 · 三", "··", "'", "Anna  -Müller",
                "Иван", "홍길동", "さくら", "e\u0301\u0301\u0301\u0301", "\u0301张"}) {
            assertEquals(Optional.empty(), PersonName.normalise(name), name);
        }
    }
}
