package org.healthcode.risk.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.healthcode.risk.domain.Colour;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A subject's state as last published; {@code colour} is null until the first evaluation. */
@Entity
@Table(name = "risk_state")
public class RiskStateRow extends PanacheEntityBase {

    @Id
    @Column(name = "subject_id")
    public String subjectId;

    public String province;

    /** The home region (county) of the subject's last declaration that names one; null before. */
    @Column(name = "region_code")
    public String regionCode;

    @Enumerated(EnumType.STRING)
    public Colour colour;

    @Enumerated(EnumType.STRING)
    @Column(name = "previous_colour")
    public Colour previousColour;

    public boolean gold;

    /** The active reasons, as jsonb. */
    @JdbcTypeCode(SqlTypes.JSON)
    public StoredReasons reasons = StoredReasons.NONE;

    @Column(name = "rule_set_version")
    public Integer ruleSetVersion;

    @Column(name = "quarantine_until")
    public Instant quarantineUntil;

    @Column(name = "valid_until")
    public Instant validUntil;

    @Column(name = "evaluated_at")
    public Instant evaluatedAt;

    @Column(name = "cause_event_id")
    public String causeEventId;

    @Column(name = "next_review_at")
    public Instant nextReviewAt;

    /**
     * Takes the province an authority or tracing event names when the subject has none yet (never
     * declared): their code is coloured by that province's rules and seen by its authority. A
     * declaration's region later decides.
     */
    public void adoptProvince(String province) {
        if (this.province == null && province != null && province.matches("\\d{2}0000")) {
            this.province = province;
        }
    }

    /**
     * Takes the region an authority gave with a case (a city or county) as the home region when the
     * subject has none yet (never declared); a declaration's region later decides.
     */
    public void adoptRegion(String regionCode) {
        if (this.regionCode == null && regionCode != null && regionCode.matches("\\d{6}")
                && !regionCode.endsWith("0000")) { // a province is no home region
            this.regionCode = regionCode;
        }
    }
}
