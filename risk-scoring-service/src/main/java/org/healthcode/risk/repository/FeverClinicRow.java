package org.healthcode.risk.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A fever clinic of the directory: public information, the clinic's own telephone included. */
@Entity
@Table(name = "fever_clinic")
public class FeverClinicRow extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public String address;

    @Column(name = "region_code")
    public String regionCode;

    /** The province of {@link #regionCode}: whose authority keeps it. */
    public String province;

    @Column(name = "opening_hours")
    public String openingHours;

    public String telephone;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
