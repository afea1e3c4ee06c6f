package org.healthcode.gateway.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.healthcode.gateway.contract.Enums.Colour;
import org.healthcode.gateway.contract.Enums.OrganisationStatus;

/** Organisations resuming work, their approval, the people who joined them and the daily roster. */
public final class Organisations {

    @Schema(description = "An organisation registered by its staff account: unified social credit code "
            + "(GB 32100, 18 characters with its check character) and name")
    public record OrganisationRegistration(
            @Schema(required = true, minLength = 18, maxLength = 18, example = "91330106MA2KXXXX0X") String uscc,
            @Schema(required = true, maxLength = 100) String name) {
    }

    public record Organisation(@Schema(required = true) UUID id, @Schema(required = true) String uscc,
            @Schema(required = true) String name,
            @Schema(required = true, description = "The code's region of registration's province") String province,
            @Schema(required = true) OrganisationStatus status,
            @Schema(required = true, nullable = true, description = "Null until approved") String invitationCode,
            @Schema(required = true) Instant registeredAt,
            @Schema(required = true, nullable = true) Instant approvedAt) {
    }

    public record OrganisationList(@Schema(required = true) List<Organisation> items) {
    }

    @Schema(description = "One person who joined: masked name, colour and gold, and whether today's declaration "
            + "and check-in are done. Never reasons, history or places.")
    public record RosterLine(@Schema(required = true) UUID memberId, @Schema(required = true) String maskedName,
            @Schema(required = true, nullable = true, description = "Null before the person's first colour") Colour colour,
            @Schema(required = true) boolean gold, @Schema(required = true) boolean declaredToday,
            @Schema(required = true) boolean checkedInToday) {
    }

    public record Roster(@Schema(required = true) UUID organisationId, @Schema(required = true) String name,
            @Schema(required = true) LocalDate date, @Schema(required = true) List<RosterLine> items) {
    }

    @Schema(description = "Joining an organisation: its invitation code and the person's explicit consent "
            + "(true) to the organisation seeing their masked name, colour and today's declaration and check-in")
    public record JoinRequest(@Schema(required = true, example = "7KQ2MXTA") String invitationCode,
            @Schema(required = true) Boolean consent) {
    }

    public record Membership(@Schema(required = true) UUID organisationId, @Schema(required = true) String name,
            @Schema(required = true) Instant joinedAt) {
    }

    public record Memberships(@Schema(required = true) List<Membership> items) {
    }
}
