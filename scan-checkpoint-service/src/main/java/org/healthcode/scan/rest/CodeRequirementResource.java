package org.healthcode.scan.rest;

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
import org.healthcode.scan.domain.CodeRequirement;
import org.healthcode.scan.domain.VenueType;
import org.healthcode.scan.service.CodeRequirementService;

/**
 * Whether a code is still required at each venue type of a province. An authority of the province
 * stands a type down (or back up); checkpoint staff and authorities of the province may read it.
 */
@Path("/v1/code-requirements/{province}")
@Produces(MediaType.APPLICATION_JSON)
public class CodeRequirementResource {

    public record RequirementChange(Boolean required) {
    }

    public record Requirement(String province, VenueType venueType, boolean required, String changedBy,
            Instant changedAt) {

        static Requirement of(CodeRequirement requirement) {
            return new Requirement(requirement.province(), requirement.venueType(), requirement.required(),
                    requirement.changedBy(), requirement.changedAt());
        }
    }

    public record Requirements(List<Requirement> items) {
    }

    private final CodeRequirementService requirements;
    private final SecurityIdentity identity;

    public CodeRequirementResource(CodeRequirementService requirements, SecurityIdentity identity) {
        this.requirements = requirements;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"checkpoint", "authority"})
    public Uni<Requirements> list(@PathParam("province") String province) {
        checkProvince(province, new ArrayList<>());
        return requirements.ofProvince(province, Caller.of(identity), "GET /v1/code-requirements/{province}")
                .map(all -> new Requirements(all.stream().map(Requirement::of).toList()));
    }

    @PUT
    @Path("/{venueType}")
    @RolesAllowed("authority")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Requirement> set(@PathParam("province") String province, @PathParam("venueType") String venueType,
            RequirementChange change) {
        List<ApiError.Detail> problems = new ArrayList<>();
        VenueType type = Arrays.stream(VenueType.values()).filter(t -> t.name().equals(venueType)).findFirst()
                .orElse(null);
        if (type == null) {
            problems.add(new ApiError.Detail("venueType", "must be one of " + Arrays.toString(VenueType.values())));
        }
        if (change == null || change.required() == null) {
            problems.add(new ApiError.Detail("required", "must be true or false"));
        }
        checkProvince(province, problems);
        return requirements.set(province, type, change.required(), Caller.of(identity)).map(Requirement::of);
    }

    private static void checkProvince(String province, List<ApiError.Detail> problems) {
        if (province == null || !province.matches("\\d{2}0000") || !Regions.table().isKnown(province)) {
            problems.add(new ApiError.Detail("province", "must be a GB/T 2260 province code"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }
}
