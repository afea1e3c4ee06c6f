package org.healthcode.declaration.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/**
 * A person's dispute of their colour and the authority's answer. The reason and the note exist
 * only encrypted (AES-GCM, bound to the appeal's id); who answered is kept for the record and
 * never shown to the citizen.
 */
@Entity
public class Appeal extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The person whose colour is disputed: the account holder or one of their dependents. */
    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "subject_id")
    public String subjectId;

    /** The province of the person's region when they filed: whose authority answers. */
    public String province;

    @Column(name = "reason_encrypted")
    public byte[] reasonEncrypted;

    @Enumerated(EnumType.STRING)
    public AppealStatus status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "note_encrypted")
    public byte[] noteEncrypted;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "answered_by")
    public String answeredBy;

    public boolean isOpen() {
        return status == AppealStatus.OPEN;
    }

    @Override
    public String toString() {
        return "Appeal[" + id + ", " + status + "]";
    }
}
