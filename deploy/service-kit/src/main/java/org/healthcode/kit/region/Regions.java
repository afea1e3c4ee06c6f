package org.healthcode.kit.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The administrative divisions of mainland China (GB/T 2260, 6 digits): 31 provinces, their
 * cities and counties. A region a citizen lives in or travelled to must be one of these.
 * Hong Kong, Macao and Taiwan are not in the table.
 */
public final class Regions {

    public enum Level { PROVINCE, CITY, COUNTY }

    public record Region(String code, String name, Level level, String parent) {
    }

    private static final Regions TABLE = load();

    private final Map<String, Region> byCode;

    private Regions(Map<String, Region> byCode) {
        this.byCode = byCode;
    }

    public static Regions table() {
        return TABLE;
    }

    public boolean isKnown(String code) {
        return code != null && byCode.containsKey(code);
    }

    public Optional<Region> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The province code ("330000") of any 6-digit region code. */
    public static String provinceOf(String code) {
        return code.substring(0, 2) + "0000";
    }

    /**
     * Whether {@code code} lies within {@code area}: a province covers its cities and counties, a
     * city its counties, a county only itself.
     */
    public static boolean within(String code, String area) {
        if (area.endsWith("0000")) {
            return code.startsWith(area.substring(0, 2));
        }
        if (area.endsWith("00")) {
            return code.startsWith(area.substring(0, 4));
        }
        return code.equals(area);
    }

    public int size() {
        return byCode.size();
    }

    private static Regions load() {
        Map<String, Region> regions = new HashMap<>();
        try (InputStream in = Regions.class.getResourceAsStream("gb2260-regions.csv");
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            lines.readLine(); // header: code,name,level,parent
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] cells = line.split(",", -1);
                // cities without counties (东莞, 中山, 儋州) are listed again as their own county; keep the city
                regions.putIfAbsent(cells[0], new Region(cells[0], cells[1], Level.valueOf(cells[2].toUpperCase()),
                        cells[3].isEmpty() ? null : cells[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Regions(Map.copyOf(regions));
    }
}
