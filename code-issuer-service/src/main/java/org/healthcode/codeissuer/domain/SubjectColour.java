package org.healthcode.codeissuer.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.healthcode.kit.code.Colour;

/** A subject's current colour, stored as the latest risk-recalculated event gave it. */
@Entity
@Table(name = "subject_colour")
public class SubjectColour extends PanacheEntityBase {

    @Id
    @Column(name = "subject_id")
    public String subjectId;

    @Enumerated(EnumType.STRING)
    public Colour colour;

    public boolean gold;

    /** JSON array of reasons. */
    public String reasons;

    @Column(name = "valid_until")
    public Instant validUntil;

    @Column(name = "quarantine_until")
    public Instant quarantineUntil;

    @Column(name = "evaluated_at")
    public Instant evaluatedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
