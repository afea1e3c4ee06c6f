package org.healthcode.risk.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.healthcode.risk.domain.Contact;
import org.healthcode.risk.domain.Exposure;

/** A {@code contact-identified} finding as far as the rules need it (no venue, no case subject). */
@Entity
@Table(name = "subject_contact")
public class ContactRow extends PanacheEntityBase {

    @Id
    @Column(name = "trace_id")
    public String traceId;

    @Column(name = "case_id")
    public String caseId;

    @Column(name = "subject_id")
    public String subjectId;

    public int degree;

    @Enumerated(EnumType.STRING)
    public Exposure exposure;

    @Column(name = "last_exposure")
    public Instant lastExposure;

    @Column(name = "identified_at")
    public Instant identifiedAt;

    public Contact toContact() {
        return new Contact(caseId, degree, exposure, lastExposure, identifiedAt);
    }
}
