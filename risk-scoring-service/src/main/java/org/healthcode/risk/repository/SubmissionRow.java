package org.healthcode.risk.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.healthcode.risk.domain.Submission;

/** A stored declaration or check-in: only what the rules read. */
@Entity
@Table(name = "submission")
public class SubmissionRow extends PanacheEntityBase {

    @Id
    @Column(name = "declaration_id")
    public String declarationId;

    @Column(name = "subject_id")
    public String subjectId;

    public String kind;

    @Column(name = "declared_at")
    public Instant declaredAt;

    @Column(name = "region_code")
    public String regionCode;

    /** Symptom codes, comma-separated. */
    public String symptoms;

    public BigDecimal temperature;

    @Column(name = "vaccination_doses")
    public Integer vaccinationDoses;

    @Column(name = "contact_with_case")
    public boolean contactWithCase;

    @Column(name = "arrival_date")
    public LocalDate arrivalDate;

    public static SubmissionRow of(String declarationId, String subjectId, Submission submission) {
        SubmissionRow row = new SubmissionRow();
        row.declarationId = declarationId;
        row.subjectId = subjectId;
        row.kind = submission.full() ? "FULL" : "DAILY_CHECKIN";
        row.declaredAt = submission.declaredAt();
        row.regionCode = submission.regionCode();
        row.symptoms = String.join(",", submission.symptoms().stream().sorted().toList());
        row.temperature = submission.temperature();
        row.vaccinationDoses = submission.vaccinationDoses();
        row.contactWithCase = submission.contactWithCase();
        row.arrivalDate = submission.arrivalDate();
        return row;
    }

    public Submission toSubmission() {
        Set<String> codes = symptoms == null || symptoms.isEmpty() ? Set.of()
                : Arrays.stream(symptoms.split(",")).collect(Collectors.toSet());
        return new Submission(declaredAt, "FULL".equals(kind), regionCode, codes, temperature, vaccinationDoses,
                contactWithCase, arrivalDate);
    }
}
