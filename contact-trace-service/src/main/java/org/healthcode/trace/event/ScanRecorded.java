package org.healthcode.trace.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;
import org.healthcode.trace.domain.VenueType;
import org.healthcode.trace.domain.Visit;

/**
 * The part of a {@code scan-recorded} event (producer scan-checkpoint-service) that the visit
 * index keeps, and the visitor's home province ({@code homeProvince}: null for this province's
 * people, and in events published before it existed). Other fields (regionCode, mode,
 * colourAtScan, decision, province) are ignored, as are fields added later.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScanRecorded(String scanId, String subjectId, UUID venueId, String venueType, Instant at,
        String homeProvince) {

    public static final String TOPIC = "scan-recorded";

    private static final Pattern PROVINCE = Pattern.compile("[0-9]{2}0000");

    /**
     * The visitor's home province, or null: a value that is not a province code is ignored (the visit
     * still counts; only sending the contact home would be lost).
     */
    public String home() {
        return homeProvince != null && PROVINCE.matcher(homeProvince).matches() ? homeProvince : null;
    }

    /** The visit, or null when a field the index needs is missing or not a known value. */
    public Visit toVisit() {
        if (isBlank(scanId) || isBlank(subjectId) || venueId == null || at == null || venueType == null
                || scanId.length() > 200 || subjectId.length() > 64
                || Arrays.stream(VenueType.values()).noneMatch(t -> t.name().equals(venueType))) {
            return null;
        }
        return new Visit(subjectId, venueId, VenueType.valueOf(venueType), at);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
