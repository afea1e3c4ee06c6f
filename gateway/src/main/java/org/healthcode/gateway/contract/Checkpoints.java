package org.healthcode.gateway.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.healthcode.gateway.contract.Enums.Colour;
import org.healthcode.gateway.contract.Enums.ColourSource;
import org.healthcode.gateway.contract.Enums.DenyReason;
import org.healthcode.gateway.contract.Enums.DocumentType;
import org.healthcode.gateway.contract.Enums.ScanDecision;
import org.healthcode.gateway.contract.Enums.ScanMode;
import org.healthcode.gateway.contract.Enums.VenueType;

/** Venues, scans at their entrances and citizens' check-ins by poster code. */
public final class Checkpoints {

    @Schema(description = "A venue; a transport venue is one carriage or cabin of one trip")
    public record VenueRegistration(
            @Schema(required = true, example = "西湖银泰 1号门") String name,
            @Schema(required = true) VenueType type,
            @Schema(required = true, example = "330102") String regionCode,
            String address,
            @Schema(description = "Transport: the train, bus or flight number", example = "G7501") String vehicle,
            @Schema(description = "Transport: the trip's date") LocalDate tripDate,
            @Schema(description = "Transport: carriage or cabin", example = "05") String carriage) {
    }

    @Schema(description = "A venue and its poster code (the signed text of the poster's QR code)")
    public record Venue(
            @Schema(required = true) UUID id,
            @Schema(required = true) String name,
            @Schema(required = true) VenueType type,
            @Schema(required = true) String regionCode,
            @Schema(required = true, nullable = true) String address,
            @Schema(required = true, nullable = true) String vehicle,
            @Schema(required = true, nullable = true) LocalDate tripDate,
            @Schema(required = true, nullable = true) String carriage,
            @Schema(required = true) String posterCode) {
    }

    @Schema(description = "A code scanned at a venue; the same scanId again answers the first scan's decision")
    public record CodeScan(@Schema(required = true, description = "The text of the citizen's QR code") String token,
            @Schema(required = true) UUID venueId,
            @Schema(required = true, description = "Chosen by the scanner, unique per scan",
                    example = "gate1-20261122-000123") String scanId) {
    }

    @Schema(description = "A person without a phone, looked up by identity document at a venue")
    public record IdCardScan(@Schema(required = true) DocumentType documentType,
            @Schema(required = true, example = "330106199001011234") String documentNumber,
            @Schema(required = true) UUID venueId,
            @Schema(required = true, example = "gate1-20261122-000124") String scanId) {
    }

    @Schema(description = "A scan's decision, with the holder's masked name to compare with the person")
    public record ScanResult(
            @Schema(required = true) String scanId,
            @Schema(required = true) ScanDecision decision,
            @Schema(required = true, nullable = true,
                    description = "Why DENY; with ALLOW, NOT_REQUIRED: the venue's type needs no code any more") DenyReason reason,
            @Schema(required = true, nullable = true) Colour colour,
            @Schema(required = true, nullable = true) Boolean gold,
            @Schema(required = true, nullable = true) String subjectId,
            @Schema(required = true, nullable = true) String province,
            @Schema(required = true) Instant at,
            @Schema(description = "How the person was checked: PAPER_CODE for a printed paper code") ScanMode mode,
            @Schema(required = true, nullable = true, example = "张*三") String maskedName,
            @Schema(required = true, nullable = true, description = "Whose word the colour is: ISSUER, the issuing"
                    + " province's current colour (this province's, or a visitor's home province asked at the scan);"
                    + " TOKEN, the colour in the code (the home could not be asked); null without a colour")
            ColourSource colourSource) {
    }

    @Schema(description = "A resident's current colour, as their home province answers another province")
    public record HomeColour(@Schema(required = true) Colour colour, @Schema(required = true) boolean gold,
            @Schema(required = true, description = "When the colour was evaluated") Instant asOf) {
    }

    @Schema(description = "What a home province answers a contact finding another province sent it")
    public record ContactReceipt(@Schema(required = true, description = "The sender's id of the finding") String findingId,
            @Schema(required = true, enumeration = {"ACCEPTED", "DUPLICATE"},
                    description = "ACCEPTED: taken in now; DUPLICATE: sent before, nothing changed") String status) {
    }

    @Schema(description = "A check-in at a venue by its poster code, with the dependents who came along")
    public record VenueCheckinRequest(
            @Schema(required = true, description = "The text of the poster's QR code") String venueCode,
            @Schema(maxItems = 5, description = "Ids of the caller's dependents") List<UUID> dependents,
            @Schema(description = "Chosen by the client so that a retry records the visit once; a new one when absent")
            UUID checkinId) {
    }

    @Schema(description = "The visit, logged: the venue and the colours to show at its entrance")
    public record VenueCheckin(
            @Schema(required = true) UUID venueId,
            @Schema(required = true) String venueName,
            @Schema(required = true, nullable = true) Colour colour,
            @Schema(required = true, nullable = true) Boolean gold,
            @Schema(required = true) List<CompanionColour> companions,
            @Schema(required = true, nullable = true, description = "ALLOW when no code is required here; "
                    + "otherwise null: the colour decides at the door") ScanDecision decision,
            @Schema(required = true, nullable = true, description = "NOT_REQUIRED: the venue's type needs no code "
                    + "any more, nothing was recorded") DenyReason reason) {
    }

    @Schema(description = "Whether a code is still required at a venue type of a province")
    public record CodeRequirementChange(@Schema(required = true) Boolean required) {
    }

    @Schema(description = "Whether a code is still required at a venue type of a province, and who last decided")
    public record CodeRequirement(@Schema(required = true, example = "330000") String province,
            @Schema(required = true) VenueType venueType,
            @Schema(required = true) boolean required,
            @Schema(required = true, nullable = true, description = "The authority account that decided last")
            String changedBy,
            @Schema(required = true, nullable = true) Instant changedAt) {
    }

    public record CodeRequirements(@Schema(required = true) List<CodeRequirement> items) {
    }

    public record CompanionColour(@Schema(required = true) String subjectId,
            @Schema(required = true, nullable = true) Colour colour,
            @Schema(required = true, nullable = true) Boolean gold) {
    }

    private Checkpoints() {
    }
}
