package org.healthcode.scan.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A place where codes are scanned or a poster is checked in at; for transport, one carriage or cabin of one trip. */
@Entity
public class Venue extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public VenueType type;

    @Column(name = "region_code")
    public String regionCode;

    /** The province of {@link #regionCode}: whose staff may manage the venue and scan at it. */
    public String province;

    public String address;

    /** Transport only: plate, train or flight number (normalised: upper case, no spaces). */
    public String vehicle;

    @Column(name = "trip_date")
    public LocalDate tripDate;

    /** Transport only: carriage or cabin (normalised like the vehicle). */
    public String carriage;

    /** The staff account (token subject) that registered it. */
    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;
}
