package org.healthcode.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.healthcode.kit.region.Regions;
import org.junit.jupiter.api.Test;

class RegionSpanTest {

    @Test
    void aSpanHoldsExactlyTheCodesWithinItsArea() {
        List<String> codes = List.of("110000", "110101", "330000", "330100", "330106", "330182", "330200", "330999",
                "420000", "420100", "420106", "420111", "429004", "340000");
        for (String area : codes) {
            RegionSpan span = RegionSpan.of(area);
            for (String code : codes) {
                assertEquals(Regions.within(code, area), span.contains(code), code + " within " + area);
            }
        }
    }
}
