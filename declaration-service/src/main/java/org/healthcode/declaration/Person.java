package org.healthcode.declaration;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

@Entity
public class Person extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The OIDC {@code sub} of the account that registered this person. */
    @Column(name = "account_subject")
    public String accountSubject;

    /** The pseudonym; the only identifier that leaves this service. */
    @Column(name = "subject_id")
    public String subjectId;

    @Column(name = "registered_at")
    public Instant registeredAt;
}
