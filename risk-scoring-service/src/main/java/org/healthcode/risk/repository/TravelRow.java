package org.healthcode.risk.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.healthcode.risk.domain.Travel;

/** One declared stay, findable by region and end date. */
@Entity
@Table(name = "subject_travel")
public class TravelRow extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "subject_id")
    public String subjectId;

    @Column(name = "declaration_id")
    public String declarationId;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "from_date")
    public LocalDate fromDate;

    @Column(name = "to_date")
    public LocalDate toDate;

    @Column(name = "declared_at")
    public Instant declaredAt;

    public static TravelRow of(String subjectId, String declarationId, Travel stay) {
        TravelRow row = new TravelRow();
        row.id = UUID.randomUUID();
        row.subjectId = subjectId;
        row.declarationId = declarationId;
        row.regionCode = stay.regionCode();
        row.fromDate = stay.from();
        row.toDate = stay.to();
        row.declaredAt = stay.declaredAt();
        return row;
    }

    public Travel toTravel() {
        return new Travel(regionCode, fromDate, toDate, declaredAt);
    }
}
