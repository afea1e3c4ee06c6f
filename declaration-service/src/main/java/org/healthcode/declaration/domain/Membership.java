package org.healthcode.declaration.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A person who joined an organisation with their consent; leaving deletes it. */
@Entity
public class Membership extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "organisation_id")
    public UUID organisationId;

    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "consented_at")
    public Instant consentedAt;

    @Override
    public String toString() {
        return "Membership[" + id + "]";
    }
}
