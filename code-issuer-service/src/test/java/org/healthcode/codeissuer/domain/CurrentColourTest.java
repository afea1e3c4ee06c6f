package org.healthcode.codeissuer.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.healthcode.kit.code.Colour;
import org.junit.jupiter.api.Test;

class CurrentColourTest {

    private static final Instant END_OF_DAY = Instant.parse("2026-11-22T16:00:00Z");

    @Test
    void goldIsAMarkOnGreenOnly() {
        assertTrue(colour(Colour.GREEN, true, END_OF_DAY).goldMark());
        assertFalse(colour(Colour.YELLOW, true, END_OF_DAY).goldMark());
        assertFalse(colour(Colour.RED, true, END_OF_DAY).goldMark());
        assertFalse(colour(Colour.GREEN, false, END_OF_DAY).goldMark());
    }

    @Test
    void aDeclarationIsDueFromValidUntilOn() {
        CurrentColour colour = colour(Colour.GREEN, false, END_OF_DAY);
        assertFalse(colour.declarationDue(END_OF_DAY.minusSeconds(1)));
        assertTrue(colour.declarationDue(END_OF_DAY));
        assertTrue(colour.declarationDue(END_OF_DAY.plusSeconds(3600)));
        assertFalse(colour(Colour.GREEN, false, null).declarationDue(END_OF_DAY), "no end, nothing due");
    }

    private static CurrentColour colour(Colour colour, boolean gold, Instant validUntil) {
        return new CurrentColour("q3Z-_0aBcDeFgHiJkLmNoP", colour, gold, List.of(), validUntil, null, END_OF_DAY);
    }
}
