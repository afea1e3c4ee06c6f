package org.healthcode.declaration.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.healthcode.declaration.repository.MembershipRepository.Joined;

/** An organisation a person joined, as that person sees it. */
public record MembershipView(UUID organisationId, String name, Instant joinedAt) {

    public record Items(List<MembershipView> items) {
    }

    public static MembershipView of(Joined joined) {
        return new MembershipView(joined.organisationId(), joined.name(), joined.joinedAt());
    }
}
