package org.healthcode.declaration.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.healthcode.kit.web.ApiException;
import org.junit.jupiter.api.Test;

class UsccTest {

    /** Codes of registered organisations as published (the first is the standard's commonly cited example). */
    private static final List<String> PUBLISHED = List.of("91350100M000100Y43", "91110000100017643K",
            "91330000142916567N");

    @Test
    void publishedCodesPassTheirCheckCharacter() {
        for (String code : PUBLISHED) {
            assertNull(Uscc.problem(code), code);
            assertEquals(code.charAt(17), Uscc.checkCharacter(code.substring(0, 17)), code);
        }
        assertEquals("350000", Uscc.province("91350100M000100Y43"));
    }

    @Test
    void everyOtherCheckCharacterIsRefused() {
        String first17 = "91350100M000100Y4";
        for (char check : Uscc.ALPHABET.toCharArray()) {
            String code = first17 + check;
            assertEquals(check == '3', Uscc.problem(code) == null, code);
        }
        assertEquals("has a wrong check character", Uscc.problem("91350100M000100Y44"));
    }

    @Test
    void aWrongLengthOrCharacterOrRegionIsRefused() {
        assertNotNull(Uscc.problem(null));
        assertNotNull(Uscc.problem("91350100M000100Y4"));
        assertNotNull(Uscc.problem("91350100M000100Y433"));
        assertNotNull(Uscc.problem("91350100I000100Y43"), "I is not in the alphabet");
        assertNotNull(Uscc.problem("9135010OM000100Y43"), "the region is digits");
    }

    @Test
    void theValidatorNormalisesCaseAndAnswersTheProvince() {
        var registration = OrganisationValidator.registration(new OrganisationForm(" 91350100m000100y43 ", "福州某公司"));
        assertEquals("91350100M000100Y43", registration.uscc());
        assertEquals("350000", registration.province());
        ApiException refused = assertThrows(ApiException.class,
                () -> OrganisationValidator.registration(new OrganisationForm("91350100M000100Y44", "")));
        assertEquals(400, refused.status());
    }

    @Test
    void joiningNeedsExplicitConsent() {
        assertEquals("ABCD2345", OrganisationValidator.join(new JoinForm("abcd2345", true)));
        for (Boolean consent : new Boolean[] {null, false}) {
            ApiException refused = assertThrows(ApiException.class,
                    () -> OrganisationValidator.join(new JoinForm("ABCD2345", consent)));
            assertEquals(400, refused.status());
        }
    }
}
