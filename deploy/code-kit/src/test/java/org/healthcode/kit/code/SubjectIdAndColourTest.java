package org.healthcode.kit.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SubjectIdAndColourTest {

    @Test
    void subjectIdsAreTheTwentyTwoCharacterPseudonymsOnly() {
        assertTrue(SubjectId.isValid("q3Z-_0aBcDeFgHiJkLmNoP"));
        assertFalse(SubjectId.isValid("q3Z-_0aBcDeFgHiJkLmNo"));
        assertFalse(SubjectId.isValid("q3Z+/0aBcDeFgHiJkLmNoP"));
        assertFalse(SubjectId.isValid(null));
    }

    @Test
    void aColourIsOneLetterInAToken() {
        for (Colour colour : Colour.values()) {
            assertEquals(colour, Colour.ofLetter(String.valueOf(colour.letter())));
        }
        assertEquals('G', Colour.GREEN.letter());
        assertNull(Colour.ofLetter("g"));
        assertNull(Colour.ofLetter("GR"));
        assertNull(Colour.ofLetter(null));
    }
}
