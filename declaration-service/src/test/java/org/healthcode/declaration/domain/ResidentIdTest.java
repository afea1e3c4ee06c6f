package org.healthcode.declaration.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ResidentIdTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @ParameterizedTest
    @ValueSource(strings = {
            "11010519491231002X", // the GB 11643 example, check digit X
            "330106199001010018",
            "330106200002290010", // 29 February of a leap year
            "330106190001010017", // born on the earliest day accepted
            "810000198005150014", // Hong Kong
            "710000200002290042"  // Taiwan
    })
    void acceptsWellFormedNumbers(String number) {
        assertTrue(ResidentId.isValid(number, TODAY), number);
    }

    @Test
    void theCheckDigitIsTheWeightedSumModulo11() {
        assertEquals('X', ResidentId.checkDigit("11010519491231002"));
        assertEquals('8', ResidentId.checkDigit("33010619900101001"));
        assertEquals('0', ResidentId.checkDigit("33010620000229001"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "110105194912310021", // wrong check digit
            "330106199001010015", // wrong check digit
            "11010519491231002x", // lower-case x (numbers are upper-cased before they get here)
            "33010619900101001",  // 17 characters
            "3301061990010100140",// 19 characters
            "33010619900101A014", // a letter among the digits
            "240106199001010016", // 24 is not a province
            "660106199001010014", // 66 is beyond 65
            "330106199002300017", // 30 February
            "330106189912310012", // born before 1900
            "33010620990101001X"  // born in the future
    })
    void refusesMalformedNumbers(String number) {
        assertFalse(ResidentId.isValid(number, TODAY), number);
    }

    @Test
    void doesNotRequireTheIssuingCountyToExistToday() {
        // 330102 (上城区 before the 2021 merger) and 110103 (old 崇文区) have been abolished.
        String[] issuedUnderOldCodes = {"33010219850612003", "11010319700101002"};
        for (String first17 : issuedUnderOldCodes) {
            String number = first17 + ResidentId.checkDigit(first17);
            assertTrue(ResidentId.isValid(number, TODAY), number);
        }
    }

    @Test
    void aBirthDateOfTodayIsAcceptedAndTomorrowIsNot() {
        String today = "330106" + "20261122" + "001";
        String tomorrow = "330106" + "20261123" + "001";
        assertTrue(ResidentId.isValid(today + ResidentId.checkDigit(today), TODAY));
        assertFalse(ResidentId.isValid(tomorrow + ResidentId.checkDigit(tomorrow), TODAY));
    }
}
