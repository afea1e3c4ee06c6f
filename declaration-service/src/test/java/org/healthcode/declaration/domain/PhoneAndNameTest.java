package org.healthcode.declaration.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhoneAndNameTest {

    @Test
    void mainlandMobilesAreKeptAsElevenDigits() {
        assertEquals(Optional.of("13812345678"), Phone.normalise("13812345678"));
        assertEquals(Optional.of("13812345678"), Phone.normalise("+86 138-1234-5678"));
        assertEquals(Optional.of("19912345678"), Phone.normalise("+8619912345678"));
    }

    @Test
    void otherNumbersAreRefused() {
        for (String phone : new String[] {"12812345678", "1381234567", "138123456789", "02112345678",
                "+1 4155550123", "+8513812345678", "1381234567a", ""}) {
            assertEquals(Optional.empty(), Phone.normalise(phone), phone);
        }
        assertEquals(Optional.empty(), Phone.normalise(null));
    }

    @Test
    void namesAreOneToFortyCharactersWithoutDigitsOrControls() {
        assertEquals(Optional.of("张三"), PersonName.normalise("  张三 "));
        assertEquals(Optional.of("买买提·艾力"), PersonName.normalise("买买提·艾力"));
        assertEquals(Optional.of("Anna Müller"), PersonName.normalise("Anna Müller"));
        assertEquals(Optional.of("𠀀"), PersonName.normalise("𠀀")); // one character outside the BMP
        assertEquals(Optional.of("名".repeat(40)), PersonName.normalise("名".repeat(40)));
        assertEquals(Optional.empty(), PersonName.normalise("名".repeat(41)));
        assertEquals(Optional.empty(), PersonName.normalise("   "));
        assertEquals(Optional.empty(), PersonName.normalise("张3"));
        assertEquals(Optional.empty(), PersonName.normalise("张\u0000三"));
        assertEquals(Optional.empty(), PersonName.normalise("张\n三"));
        assertEquals(Optional.empty(), PersonName.normalise("张\u202e三"));
    }
}
