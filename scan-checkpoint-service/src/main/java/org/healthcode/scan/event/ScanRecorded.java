package org.healthcode.scan.event;

import java.time.Instant;
import java.util.UUID;
import org.healthcode.kit.code.Colour;
import org.healthcode.scan.domain.Decision;
import org.healthcode.scan.domain.ScanAttempt;
import org.healthcode.scan.domain.ScanMode;
import org.healthcode.scan.domain.Venue;
import org.healthcode.scan.domain.VenueType;

/**
 * The {@code data} of a {@code scan-recorded} event: a person (pseudonym) was at a venue's entrance
 * at a time, and what the checkpoint decided. Published for every attempt with a known subject,
 * ALLOW and DENY alike; never for a code no trusted key vouched for. No name, document, phone or
 * token. {@code province} is where the scan happened (the venue's); {@code colourAtScan} is null
 * only when no colour was known for the person. Documented by
 * {@code events/scan-recorded.schema.json} and its sample.
 */
public record ScanRecorded(
        String scanId,
        String subjectId,
        UUID venueId,
        VenueType venueType,
        String regionCode,
        Instant at,
        ScanMode mode,
        Colour colourAtScan,
        Decision decision,
        String province) {

    public static final String TOPIC = "scan-recorded";

    public static ScanRecorded of(ScanAttempt attempt, Venue venue) {
        return new ScanRecorded(attempt.scanId, attempt.subjectId, venue.id, venue.type, venue.regionCode, attempt.at,
                attempt.mode, attempt.colourAtScan, attempt.decision, venue.province);
    }
}
