package org.healthcode.risk.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.healthcode.risk.domain.Colour;
import org.healthcode.risk.domain.ColourOverride;
import org.healthcode.risk.domain.OverrideStatus;

/**
 * A colour override, proposed by one authority and decided by another. The justification and the
 * note are typed by staff: stored and shown to the province's authorities, never logged.
 */
@Entity
@Table(name = "colour_override")
public class OverrideRow extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "subject_id")
    public String subjectId;

    public String province;

    @Enumerated(EnumType.STRING)
    public Colour colour;

    public String justification;

    public Instant until;

    /** PROPOSED, APPROVED or REJECTED; EXPIRED is derived ({@link ColourOverride#status}). */
    @Enumerated(EnumType.STRING)
    public OverrideStatus status;

    @Column(name = "proposed_by")
    public String proposedBy;

    @Column(name = "proposed_at")
    public Instant proposedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_note")
    public String decisionNote;

    public ColourOverride toOverride() {
        return new ColourOverride(subjectId, province, colour, until, status, proposedBy, expiresAt, decidedAt);
    }
}
