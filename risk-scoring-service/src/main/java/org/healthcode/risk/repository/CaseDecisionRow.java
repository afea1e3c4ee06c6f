package org.healthcode.risk.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.healthcode.risk.domain.CaseDecision;
import org.healthcode.risk.domain.CaseStatus;

/** A {@code case-confirmed} event as far as the rules need it, one row per event. */
@Entity
@Table(name = "case_decision")
public class CaseDecisionRow extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "case_id")
    public String caseId;

    @Column(name = "subject_id")
    public String subjectId;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** Where the case is: the decision's region, else the subject's home region then (the public figures). */
    @Column(name = "region_code")
    public String regionCode;

    public static CaseDecisionRow of(String eventId, String subjectId, CaseDecision decision) {
        CaseDecisionRow row = new CaseDecisionRow();
        row.eventId = eventId;
        row.caseId = decision.caseId();
        row.subjectId = subjectId;
        row.status = decision.status();
        row.decidedAt = decision.decidedAt();
        return row;
    }

    public CaseDecision toDecision() {
        return new CaseDecision(caseId, status, decidedAt);
    }
}
