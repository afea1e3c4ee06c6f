package org.healthcode.declaration.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.healthcode.declaration.service.CaseListImport;
import org.healthcode.declaration.service.ItineraryImport;
import org.healthcode.declaration.service.ManifestImport;
import org.healthcode.kit.governance.Intake;
import org.healthcode.kit.imports.ImportReport;
import org.healthcode.kit.imports.Imports;
import org.healthcode.kit.web.Caller;

/**
 * The health authority's bulk imports into this service, for its own province: a CSV file (header
 * row) or NDJSON, checked row by row, answered with a report that names rows and fields only
 * (the service kit's {@link Imports}: the same file twice, or a row already taken in, changes
 * nothing the second time).
 */
@Path("/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Intake
public class ImportResource {

    private final Imports imports;
    private final ItineraryImport itineraries;
    private final ManifestImport manifests;
    private final CaseListImport caseLists;
    private final SecurityIdentity identity;

    public ImportResource(Imports imports, ItineraryImport itineraries, ManifestImport manifests,
            CaseListImport caseLists, SecurityIdentity identity) {
        this.imports = imports;
        this.itineraries = itineraries;
        this.manifests = manifests;
        this.caseLists = caseLists;
        this.identity = identity;
    }

    /** Rows: documentType, documentNumber, regions (GB/T 2260, separated by {@code ;}), from, to. */
    @POST
    @Path("/itineraries")
    @RolesAllowed("authority")
    public Uni<ImportReport> itineraries(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        Caller caller = Caller.of(identity);
        return imports.run(itineraries, caller.subject(), caller.staffProvince(), contentType, body);
    }

    /**
     * Transport manifests. Rows: documentType, documentNumber, mode (TRAIN, FLIGHT, BUS), vehicle,
     * departure, arrival (ISO date-times; without an offset, in the province's time zone), carriage
     * (or cabin), seat (optional, e.g. 12F).
     */
    @POST
    @Path("/manifests")
    @RolesAllowed("authority")
    public Uni<ImportReport> manifests(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        Caller caller = Caller.of(identity);
        return imports.run(manifests, caller.subject(), caller.staffProvince(), contentType, body);
    }

    /**
     * Case lists from the disease-control system. Rows: documentType, documentNumber, status
     * (CONFIRMED or SUSPECTED), reportedAt (ISO date-time; without an offset, in the province's time
     * zone), onsetDate (optional ISO date). A person registered in another province: FORBIDDEN_PROVINCE.
     */
    @POST
    @Path("/cases")
    @RolesAllowed("authority")
    public Uni<ImportReport> cases(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        Caller caller = Caller.of(identity);
        return imports.run(caseLists, caller.subject(), caller.staffProvince(), contentType, body);
    }
}
