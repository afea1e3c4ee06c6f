package org.healthcode.risk.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.healthcode.kit.region.Regions;

/** The regions currently above LOW. A place is as risky as the riskiest area it lies within. */
public final class RegionRisks {

    private final Map<String, AreaRisk> elevated;

    private RegionRisks(Map<String, AreaRisk> elevated) {
        this.elevated = elevated;
    }

    public static RegionRisks of(List<AreaRisk> areas) {
        return new RegionRisks(areas.stream().filter(a -> a.level() != RiskLevel.LOW)
                .collect(Collectors.toUnmodifiableMap(AreaRisk::regionCode, Function.identity())));
    }

    public static RegionRisks none() {
        return new RegionRisks(Map.of());
    }

    /**
     * The riskiest area that {@code regionCode} lies within (itself, its city or its province);
     * among equally risky areas the one marked first.
     */
    public Optional<AreaRisk> riskiestAreaAround(String regionCode) {
        if (regionCode == null || regionCode.length() != 6) {
            return Optional.empty();
        }
        return Stream.of(regionCode, regionCode.substring(0, 4) + "00", regionCode.substring(0, 2) + "0000")
                .distinct()
                .map(elevated::get)
                .filter(area -> area != null && Regions.within(regionCode, area.regionCode()))
                .max(Comparator.comparing(AreaRisk::level)
                        .thenComparing(AreaRisk::updatedAt, Comparator.reverseOrder()));
    }
}
