package org.healthcode.risk.domain;

/**
 * The range of 6-digit codes that lie within an area (as {@code Regions.within} reads them): a
 * province covers {@code PP0000–PP9999}, a city {@code PPCC00–PPCC99}, a county only itself. A
 * range lets one index scan find every stay within an area.
 */
public record RegionSpan(String first, String last) {

    public static RegionSpan of(String area) {
        if (area.endsWith("0000")) {
            return new RegionSpan(area, area.substring(0, 2) + "9999");
        }
        if (area.endsWith("00")) {
            return new RegionSpan(area, area.substring(0, 4) + "99");
        }
        return new RegionSpan(area, area);
    }

    public boolean contains(String code) {
        return code.length() == 6 && code.compareTo(first) >= 0 && code.compareTo(last) <= 0;
    }
}
