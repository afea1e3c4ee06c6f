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
 * An employer (or any organisation resuming work) and the staff account that registered it. Its
 * province is the region of registration in its unified social credit code; an authority of that
 * province approves it, which gives it the invitation code its people join with.
 */
@Entity
public class Organisation extends PanacheEntityBase {

    @Id
    public UUID id;

    public String uscc;

    public String name;

    public String province;

    @Enumerated(EnumType.STRING)
    public OrganisationStatus status;

    /** The OIDC {@code sub} of the organisation's staff account (role {@code organisation}). */
    @Column(name = "staff_account")
    public String staffAccount;

    @Column(name = "invitation_code")
    public String invitationCode;

    @Column(name = "registered_at")
    public Instant registeredAt;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "approved_by")
    public String approvedBy;

    public boolean isApproved() {
        return status == OrganisationStatus.APPROVED;
    }

    @Override
    public String toString() {
        return "Organisation[" + id + ", " + status + "]";
    }
}
