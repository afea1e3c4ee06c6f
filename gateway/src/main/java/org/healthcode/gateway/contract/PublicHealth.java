package org.healthcode.gateway.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.healthcode.gateway.contract.Enums.RiskLevel;

/** Public health information, open without a token: fever clinics and a region's epidemic figures. */
public final class PublicHealth {

    @Schema(description = "A fever clinic as an authority lists it; every field required")
    public record FeverClinicForm(@Schema(required = true, maxLength = 100) String name,
            @Schema(required = true, maxLength = 200) String address,
            @Schema(required = true, description = "GB/T 2260 code of a city or county of the authority's province",
                    pattern = "^[0-9]{6}$") String regionCode,
            @Schema(required = true, maxLength = 200, example = "00:00-24:00") String openingHours,
            @Schema(required = true, description = "The clinic's own, public number", pattern = "^[0-9+()\\- ]{3,30}$")
            String telephone) {
    }

    public record FeverClinic(@Schema(required = true) UUID id, @Schema(required = true) String name,
            @Schema(required = true) String address, @Schema(required = true) String regionCode,
            @Schema(required = true, nullable = true) String regionName,
            @Schema(required = true) String openingHours, @Schema(required = true) String telephone,
            @Schema(required = true) Instant updatedAt) {
    }

    public record FeverClinics(@Schema(required = true) List<FeverClinic> items) {
    }

    @Schema(description = "A count as the public sees it: from 1 to 9 only {\"value\": null, \"fewerThan\": 10}, "
            + "so that nobody can be singled out; 0 and 10 or more as they are ({\"value\": 12, \"fewerThan\": null})")
    public record PublicCount(@Schema(required = true, nullable = true) Long value,
            @Schema(required = true, nullable = true) Integer fewerThan) {
    }

    public record CaseFigures(@Schema(required = true) PublicCount today,
            @Schema(required = true, description = "Today and the 6 days before") PublicCount last7Days) {
    }

    @Schema(description = "The current health codes of the region's residents, by colour")
    public record CodeFigures(@Schema(required = true) PublicCount green, @Schema(required = true) PublicCount yellow,
            @Schema(required = true) PublicCount red) {
    }

    @Schema(description = "A region's epidemic figures; cached for a minute (Cache-Control)")
    public record Figures(@Schema(required = true) String regionCode,
            @Schema(required = true, nullable = true) String regionName,
            @Schema(required = true, description = "The level that applies to the whole region: its own, or its "
                    + "city's or province's") RiskLevel riskLevel,
            @Schema(required = true, description = "The highest level of any area within the region")
            RiskLevel highestRiskWithin,
            @Schema(required = true, description = "Cases newly confirmed") CaseFigures confirmed,
            @Schema(required = true, description = "Cases newly suspected") CaseFigures suspected,
            @Schema(required = true) CodeFigures codes,
            @Schema(required = true, description = "The province's local date the figures are of") LocalDate today,
            @Schema(required = true) Instant asOf) {
    }

    private PublicHealth() {
    }
}
