package org.healthcode.risk.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.healthcode.kit.region.Regions;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;
import org.healthcode.kit.web.Caller;
import org.healthcode.risk.domain.RiskLevel;
import org.healthcode.risk.repository.RegionRiskRow;
import org.healthcode.risk.service.RegionRiskService;

@Path("/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegionRiskResource {

    public record LevelChange(String level) {
    }

    public record RegionRisk(String regionCode, RiskLevel level, Instant updatedAt) {

        static RegionRisk of(RegionRiskRow row) {
            return new RegionRisk(row.regionCode, row.level, row.updatedAt);
        }
    }

    public record RegionRisks(List<RegionRisk> items) {
    }

    private final RegionRiskService service;
    private final SecurityIdentity identity;

    public RegionRiskResource(RegionRiskService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    /** Sets a region's level; everyone with a stay within it in the look-back is re-evaluated. */
    @PUT
    @Path("/{code}/risk")
    @RolesAllowed("authority")
    public Uni<RegionRisk> set(@PathParam("code") String code, LevelChange change) {
        List<ApiError.Detail> problems = new ArrayList<>();
        if (!Regions.table().isKnown(code)) {
            problems.add(new ApiError.Detail("code", "must be a GB/T 2260 region code"));
        }
        RiskLevel level = change == null ? null : parse(change.level());
        if (level == null) {
            problems.add(new ApiError.Detail("level", "must be HIGH, MEDIUM or LOW"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        Caller authority = Caller.of(identity);
        return service.set(code, level, authority.subject(), authority.staffProvince()).map(RegionRisk::of);
    }

    /** The regions above LOW. */
    @GET
    @Path("/risk")
    @Authenticated
    public Uni<RegionRisks> elevated() {
        return service.elevated().map(rows -> new RegionRisks(rows.stream().map(RegionRisk::of).toList()));
    }

    private static RiskLevel parse(String level) {
        return Arrays.stream(RiskLevel.values()).filter(l -> l.name().equals(level)).findFirst().orElse(null);
    }
}
