package org.healthcode.kit.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegionsTest {

    private final Regions regions = Regions.table();

    @Test
    void knowsEveryDivisionOfTheTable() {
        assertEquals(31 + 342 + 2978 - 3, regions.size(), "three cities without counties are their own county");
        assertTrue(regions.isKnown("330000"));
        assertTrue(regions.isKnown("330106"));
        assertEquals("浙江省", regions.find("330000").orElseThrow().name());
        assertEquals(Regions.Level.CITY, regions.find("330100").orElseThrow().level());
    }

    @Test
    void rejectsCodesThatAreNotDivisions() {
        assertFalse(regions.isKnown("999999"));
        assertFalse(regions.isKnown("810000"), "Hong Kong is not in the table");
        assertFalse(regions.isKnown(null));
    }

    @Test
    void aProvinceCoversItsCitiesAndACityItsCounties() {
        assertEquals("330000", Regions.provinceOf("330106"));
        assertTrue(Regions.within("330106", "330000"));
        assertTrue(Regions.within("330106", "330100"));
        assertTrue(Regions.within("330106", "330106"));
        assertFalse(Regions.within("330206", "330100"));
        assertFalse(Regions.within("310101", "330000"));
    }
}
