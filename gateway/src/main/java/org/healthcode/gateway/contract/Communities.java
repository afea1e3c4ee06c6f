package org.healthcode.gateway.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.healthcode.gateway.contract.Enums.CheckinStatus;
import org.healthcode.gateway.contract.Enums.Colour;

/** Residential communities: the one a resident names, and the list its community workers read. */
public final class Communities {

    @Schema(description = "Naming one's residential community: the id of a RESIDENTIAL_COMMUNITY venue of one's "
            + "own province")
    public record CommunityChoice(@Schema(required = true) UUID venueId) {
    }

    public record Community(@Schema(required = true) UUID venueId, @Schema(required = true) String name,
            @Schema(required = true) String regionCode, @Schema(required = true) Instant namedAt) {
    }

    public record NamedCommunity(
            @Schema(required = true, nullable = true, description = "Null when none is named") Community community) {
    }

    @Schema(description = "One resident of the community: masked name, colour, whether a dependent and where "
            + "today's submission stands (DONE today; DUE: not yet today; MISSED: nothing yesterday nor today). "
            + "attention: yellow or red, or a day missed. Never reasons, history, places or pseudonyms.")
    public record ResidentLine(@Schema(required = true) UUID lineId, @Schema(required = true) String maskedName,
            @Schema(required = true, nullable = true, description = "Null before the person's first colour") Colour colour,
            @Schema(required = true) boolean dependent, @Schema(required = true) CheckinStatus checkin,
            @Schema(required = true) boolean attention) {
    }

    public record Residents(@Schema(required = true) UUID venueId,
            @Schema(required = true, description = "Today, in the province") LocalDate date,
            @Schema(required = true) List<ResidentLine> items) {
    }
}
