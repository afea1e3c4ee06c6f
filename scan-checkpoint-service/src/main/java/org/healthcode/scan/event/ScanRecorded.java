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
 * only when no colour was known for the person. {@code homeProvince} is the holder's home when it is
 * not this province: the issuer of the scanned code (phone or paper) of a visitor, whose pseudonym is
 * their home province's; null for this province's people and for visits known by pseudonym only (ID
 * card, poster check-in), which are this province's pseudonyms. Documented by
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
        String province,
        String homeProvince) {

    public static final String TOPIC = "scan-recorded";

    /** The visit of {@code attempt} at {@code venue}, scanned by a checkpoint of {@code ownProvince}. */
    public static ScanRecorded of(ScanAttempt attempt, Venue venue, String ownProvince) {
        return new ScanRecorded(attempt.scanId, attempt.subjectId, venue.id, venue.type, venue.regionCode, attempt.at,
                attempt.mode, attempt.colourAtScan, attempt.decision, venue.province, homeProvince(attempt, ownProvince));
    }

    /**
     * The issuer of a scanned code when it is another province (an authentic code: its subject is
     * known); null otherwise. A pseudonym of a visit by ID card or check-in is this province's own.
     */
    static String homeProvince(ScanAttempt attempt, String ownProvince) {
        boolean code = attempt.mode == ScanMode.OPERATOR_SCAN || attempt.mode == ScanMode.PAPER_CODE;
        return code && attempt.subjectId != null && attempt.province != null && !attempt.province.equals(ownProvince)
                ? attempt.province : null;
    }
}
