package org.healthcode.gateway.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.healthcode.gateway.contract.Imports;
import org.healthcode.gateway.upstream.DeclarationClient;
import org.healthcode.gateway.upstream.Upstream;

@Path("/api/v1/authority/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "The health authority's bulk data feeds, CSV (header row) or NDJSON")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class ImportsResource {

    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";

    private final DeclarationClient declaration;

    public ImportsResource(@RestClient DeclarationClient declaration) {
        this.declaration = declaration;
    }

    @POST
    @Path("/itineraries")
    @Consumes({CSV, NDJSON})
    @RolesAllowed("authority")
    @Operation(summary = "Import itineraries: each row's travel counts like declared travel, from source AUTHORITY",
            description = "Columns documentType, documentNumber, regions (GB/T 2260 codes separated by ';', or an"
                    + " NDJSON array), from, to (dates, `to` within the last 14 days). For the caller's province"
                    + " (a person registered in another is refused, FORBIDDEN_PROVINCE). At most 1000 rows and"
                    + " 64 KiB a file. Refused after the end of the emergency (409 EMERGENCY_ENDED).")
    @APIResponse(responseCode = "200", description = "The report; refused rows are listed, the others applied",
            content = @Content(schema = @Schema(implementation = Imports.ImportReport.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<Response> itineraries(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestBody(required = true, content = {
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
                            example = "documentType,documentNumber,regions,from,to\n"
                                    + "PASSPORT,E12345678,420106;110101,2026-12-01,2026-12-03")),
                    @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING,
                            example = "{\"documentType\":\"PASSPORT\",\"documentNumber\":\"E12345678\","
                                    + "\"regions\":[\"420106\"],\"from\":\"2026-12-01\",\"to\":\"2026-12-03\"}"))})
            byte[] file) {
        boolean ndjson = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(NDJSON);
        return Upstream.relay("declaration",
                ndjson ? declaration.importItinerariesNdjson(file) : declaration.importItinerariesCsv(file));
    }

    @POST
    @Path("/manifests")
    @Consumes({CSV, NDJSON})
    @RolesAllowed("authority")
    @Operation(summary = "Import transport manifests: each passenger a visit of their carriage, for contact tracing",
            description = "Columns documentType, documentNumber, mode (TRAIN, FLIGHT or BUS), vehicle (train, flight"
                    + " or coach number, 1-16 letters or digits), departure, arrival (ISO-8601 date-times: with an"
                    + " offset, or local in the province's time zone; departed within the last 30 days, at most 48"
                    + " hours long), carriage (or cabin, 1-16 letters or digits), seat (optional: row and letter, e.g."
                    + " 12F). Each passenger enters the visit index in their carriage of the trip, at the departure:"
                    + " when a case is confirmed, fellow passengers within 3 rows (or of unknown seat) are close"
                    + " contacts, those further away in the carriage only same-place-and-time. Passengers of any"
                    + " province are taken in. At most 1000 rows and 64 KiB a file; the same file or row again"
                    + " changes nothing. Refused after the end of the emergency (409 EMERGENCY_ENDED).")
    @APIResponse(responseCode = "200", description = "The report; refused rows are listed, the others applied",
            content = @Content(schema = @Schema(implementation = Imports.ImportReport.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<Response> manifests(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestBody(required = true, content = {
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
                            example = "documentType,documentNumber,mode,vehicle,departure,arrival,carriage,seat\n"
                                    + "PASSPORT,E12345678,TRAIN,G1234,2026-12-01T08:05,2026-12-01T12:40,05,12F")),
                    @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING,
                            example = "{\"documentType\":\"PASSPORT\",\"documentNumber\":\"E12345678\","
                                    + "\"mode\":\"FLIGHT\",\"vehicle\":\"CA1501\","
                                    + "\"departure\":\"2026-12-01T08:05+08:00\",\"arrival\":\"2026-12-01T10:20+08:00\","
                                    + "\"carriage\":\"Y\",\"seat\":\"32C\"}"))})
            byte[] file) {
        boolean ndjson = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(NDJSON);
        return Upstream.relay("declaration",
                ndjson ? declaration.importManifestsNdjson(file) : declaration.importManifestsCsv(file));
    }

    @POST
    @Path("/cases")
    @Consumes({CSV, NDJSON})
    @RolesAllowed("authority")
    @Operation(summary = "Import case lists from the disease-control system: each person a CONFIRMED or SUSPECTED case",
            description = "Columns documentType, documentNumber, status (CONFIRMED or SUSPECTED), reportedAt (ISO-8601"
                    + " date-time: with an offset, or local in the province's time zone; within the last 30 days, not in"
                    + " the future), onsetDate (optional ISO date, within the last year). Each case is recorded as the"
                    + " authority's own case decision would be (decided by the import): a confirmed case's contacts are"
                    + " traced and their codes turn. The same person with the same status is one case however many"
                    + " files name them; a list never lowers a confirmed case. A person registered in another province"
                    + " is refused row by row (FORBIDDEN_PROVINCE). At most 1000 rows and 64 KiB a file; the same file"
                    + " or row again changes nothing. Refused after the end of the emergency (409 EMERGENCY_ENDED).")
    @APIResponse(responseCode = "200", description = "The report; refused rows are listed, the others applied",
            content = @Content(schema = @Schema(implementation = Imports.ImportReport.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<Response> cases(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestBody(required = true, content = {
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
                            example = "documentType,documentNumber,status,reportedAt,onsetDate\n"
                                    + "RESIDENT_ID,330106199001011234,CONFIRMED,2026-12-01T09:30,2026-11-29")),
                    @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING,
                            example = "{\"documentType\":\"PASSPORT\",\"documentNumber\":\"E12345678\","
                                    + "\"status\":\"SUSPECTED\",\"reportedAt\":\"2026-12-01T09:30+08:00\"}"))})
            byte[] file) {
        boolean ndjson = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(NDJSON);
        return Upstream.relay("declaration",
                ndjson ? declaration.importCasesNdjson(file) : declaration.importCasesCsv(file));
    }
}
