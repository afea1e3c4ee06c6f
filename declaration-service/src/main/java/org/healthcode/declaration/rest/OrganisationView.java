package org.healthcode.declaration.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.healthcode.declaration.domain.Organisation;
import org.healthcode.declaration.domain.OrganisationStatus;

/** An organisation as its staff and its authority see it; the invitation code once approved. */
public record OrganisationView(UUID id, String uscc, String name, String province, OrganisationStatus status,
        String invitationCode, Instant registeredAt, Instant approvedAt) {

    public record Items(List<OrganisationView> items) {
    }

    public static OrganisationView of(Organisation organisation) {
        return new OrganisationView(organisation.id, organisation.uscc, organisation.name, organisation.province,
                organisation.status, organisation.invitationCode, organisation.registeredAt, organisation.approvedAt);
    }
}
