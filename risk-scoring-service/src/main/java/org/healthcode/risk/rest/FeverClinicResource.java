package org.healthcode.risk.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.healthcode.kit.region.Regions;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;
import org.healthcode.kit.web.Caller;
import org.healthcode.risk.repository.FeverClinicRow;
import org.healthcode.risk.service.FeverClinicService;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * The fever clinics directory: anyone (no token needed) looks clinics up by region; an authority
 * adds, changes and removes its own province's clinics.
 */
@Path("/v1/fever-clinics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FeverClinicResource {

    /** What an authority sends: every field required. */
    public record ClinicForm(String name, String address, String regionCode, String openingHours, String telephone) {
    }

    public record Clinic(UUID id, String name, String address, String regionCode, String regionName,
            String openingHours, String telephone, Instant updatedAt) {

        public static Clinic of(FeverClinicRow row) {
            return new Clinic(row.id, row.name, row.address, row.regionCode, FeverClinicResource.regionName(row.regionCode),
                    row.openingHours, row.telephone, row.updatedAt);
        }
    }

    public record Clinics(List<Clinic> items) {
    }

    private static final Pattern TELEPHONE = Pattern.compile("[0-9+()\\- ]{3,30}");

    private final FeverClinicService clinics;
    private final SecurityIdentity identity;

    public FeverClinicResource(FeverClinicService clinics, SecurityIdentity identity) {
        this.clinics = clinics;
        this.identity = identity;
    }

    /** The clinics of a county, or of every county within a city or province. */
    @GET
    @PermitAll
    public Uni<Clinics> within(@QueryParam("region") String region) {
        if (region == null || !Regions.table().isKnown(region)) {
            throw ApiException.invalid(List.of(new ApiError.Detail("region", "must be a GB/T 2260 region code")));
        }
        return clinics.within(region).map(rows -> new Clinics(rows.stream().map(Clinic::of).toList()));
    }

    @POST
    @ResponseStatus(201)
    @RolesAllowed("authority")
    public Uni<Clinic> add(ClinicForm form) {
        return clinics.add(Caller.of(identity), checked(form)).map(Clinic::of);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("authority")
    public Uni<Clinic> change(@PathParam("id") String id, ClinicForm form) {
        UUID clinic = id(id);
        return clinics.change(Caller.of(identity), clinic, checked(form)).map(Clinic::of);
    }

    /** Removes the clinic; answers it as it was. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed("authority")
    public Uni<Clinic> remove(@PathParam("id") String id) {
        return clinics.remove(Caller.of(identity), id(id)).map(Clinic::of);
    }

    private static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("CLINIC_NOT_FOUND", "No fever clinic has this id");
        }
    }

    private static FeverClinicService.Details checked(ClinicForm form) {
        ClinicForm f = form == null ? new ClinicForm(null, null, null, null, null) : form;
        List<ApiError.Detail> problems = new ArrayList<>();
        text(f.name(), "name", 100, problems);
        text(f.address(), "address", 200, problems);
        text(f.openingHours(), "openingHours", 200, problems);
        if (f.regionCode() == null || !Regions.table().isKnown(f.regionCode()) || f.regionCode().endsWith("0000")) {
            problems.add(new ApiError.Detail("regionCode", "must be the GB/T 2260 code of a city or county"));
        }
        if (f.telephone() == null || !TELEPHONE.matcher(f.telephone()).matches()
                || f.telephone().chars().filter(Character::isDigit).count() < 3) {
            problems.add(new ApiError.Detail("telephone", "must be the clinic's telephone number: digits, +, -, ( )"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return new FeverClinicService.Details(f.name().strip(), f.address().strip(), f.regionCode(),
                f.openingHours().strip(), f.telephone().strip());
    }

    private static void text(String value, String field, int max, List<ApiError.Detail> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new ApiError.Detail(field, "is required"));
        } else if (value.strip().length() > max) {
            problems.add(new ApiError.Detail(field, "must be at most " + max + " characters"));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            problems.add(new ApiError.Detail(field, "must be one line of text"));
        }
    }

    static String regionName(String code) {
        return Regions.table().find(code).map(Regions.Region::name).orElse(null);
    }
}
