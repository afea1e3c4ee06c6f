package org.healthcode.scan.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.healthcode.kit.code.Colour;

/**
 * One attempt to pass a checkpoint or check in, with the answer it got; the scan id makes a retry
 * find this answer instead of deciding again.
 */
@Entity
@Table(name = "scan_attempt")
public class ScanAttempt extends PanacheEntityBase {

    @Id
    @Column(name = "scan_id")
    public String scanId;

    @Enumerated(EnumType.STRING)
    public ScanMode mode;

    @Column(name = "venue_id")
    public UUID venueId;

    public String operator;

    @Column(name = "subject_id")
    public String subjectId;

    public String province;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    @Enumerated(EnumType.STRING)
    public DenyReason reason;

    @Enumerated(EnumType.STRING)
    @Column(name = "colour_at_scan")
    public Colour colourAtScan;

    public Boolean gold;

    @Enumerated(EnumType.STRING)
    @Column(name = "colour_source")
    public ColourSource colourSource;

    public String fingerprint;

    public Instant at;

    public static ScanAttempt of(String scanId, ScanMode mode, UUID venueId, String operator, String fingerprint,
            Admission.Outcome outcome, Instant at) {
        ScanAttempt attempt = new ScanAttempt();
        attempt.scanId = scanId;
        attempt.mode = mode;
        attempt.venueId = venueId;
        attempt.operator = operator;
        attempt.subjectId = outcome.subjectId();
        attempt.province = outcome.province();
        attempt.decision = outcome.decision();
        attempt.reason = outcome.reason();
        attempt.colourAtScan = outcome.colourAtScan();
        attempt.gold = outcome.goldAtScan();
        attempt.colourSource = outcome.colourSource();
        attempt.fingerprint = fingerprint;
        attempt.at = at;
        return attempt;
    }

    public Admission.Outcome outcome() {
        return new Admission.Outcome(decision, reason, subjectId, province, colourAtScan, gold, colourSource);
    }
}
