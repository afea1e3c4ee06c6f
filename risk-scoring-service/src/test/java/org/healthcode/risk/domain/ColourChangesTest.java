package org.healthcode.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.healthcode.risk.domain.ColourChanges.Change;
import org.junit.jupiter.api.Test;

class ColourChangesTest {

    @Test
    void changesAreCountedPerPairAndTheRestIsUnchanged() {
        ColourChanges tally = new ColourChanges();
        tally.add(Colour.RED, Colour.YELLOW);
        tally.add(Colour.GREEN, Colour.GREEN);
        tally.add(Colour.RED, Colour.YELLOW);
        tally.add(Colour.GREEN, Colour.RED);
        tally.add(Colour.RED, Colour.RED);

        assertEquals(List.of(new Change(Colour.GREEN, Colour.RED, 1), new Change(Colour.RED, Colour.YELLOW, 2)),
                tally.changes());
        assertEquals(2, tally.unchanged());
        assertEquals(5, tally.subjects());
    }

    @Test
    void nobodyIsNothing() {
        ColourChanges tally = new ColourChanges();

        assertEquals(List.of(), tally.changes());
        assertEquals(0, tally.subjects());
    }
}
