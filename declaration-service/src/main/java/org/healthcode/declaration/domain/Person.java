package org.healthcode.declaration.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.healthcode.kit.region.Regions;

/**
 * A registered person: either an account holder, or a dependent that a guardian registered and
 * declares for. Name, document number and phone exist only encrypted (AES-GCM, bound to the id) and
 * masked.
 */
@Entity
public class Person extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The OIDC {@code sub} of the account that registered this person; null for a dependent. */
    @Column(name = "account_subject")
    public String accountSubject;

    /** The guardian of a dependent; null for an account holder. */
    @Column(name = "guardian_id")
    public UUID guardianId;

    @Enumerated(EnumType.STRING)
    public Relation relation;

    /** The pseudonym; the only identifier that leaves this service. */
    @Column(name = "subject_id")
    public String subjectId;

    @Enumerated(EnumType.STRING)
    @Column(name = "document_type")
    public DocumentType documentType;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "name_encrypted")
    public byte[] nameEncrypted;

    @Column(name = "document_number_encrypted")
    public byte[] documentNumberEncrypted;

    @Column(name = "phone_encrypted")
    public byte[] phoneEncrypted;

    @Column(name = "masked_name")
    public String maskedName;

    @Column(name = "masked_document_number")
    public String maskedDocumentNumber;

    @Column(name = "masked_phone")
    public String maskedPhone;

    @Column(name = "registered_at")
    public Instant registeredAt;

    public String province() {
        return Regions.provinceOf(regionCode);
    }
}
