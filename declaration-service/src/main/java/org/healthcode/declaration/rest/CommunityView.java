package org.healthcode.declaration.rest;

import java.time.Instant;
import java.util.UUID;
import org.healthcode.declaration.domain.CommunityMember;

/**
 * The residential community a person named, as that person (or their guardian) sees it:
 * {@code community} null when none is named.
 */
public record CommunityView(Community community) {

    public record Community(UUID venueId, String name, String regionCode, Instant namedAt) {
    }

    public static CommunityView of(CommunityMember member) {
        return new CommunityView(member == null ? null
                : new Community(member.venueId, member.venueName, member.regionCode, member.namedAt));
    }

    public static CommunityView none() {
        return new CommunityView(null);
    }
}
