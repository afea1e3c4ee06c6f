package org.healthcode.risk.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.healthcode.risk.domain.AreaRisk;
import org.healthcode.risk.domain.RiskLevel;

@Entity
@Table(name = "region_risk")
public class RegionRiskRow extends PanacheEntityBase {

    @Id
    @Column(name = "region_code")
    public String regionCode;

    @Enumerated(EnumType.STRING)
    public RiskLevel level;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public AreaRisk toAreaRisk() {
        return new AreaRisk(regionCode, level, updatedAt);
    }
}
