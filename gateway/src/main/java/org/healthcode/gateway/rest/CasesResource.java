package org.healthcode.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.healthcode.gateway.contract.Cases;
import org.healthcode.gateway.service.CaseFindings;
import org.healthcode.gateway.service.CaseReports;
import org.healthcode.gateway.service.ContactCsv;
import org.healthcode.gateway.upstream.ContactTraceClient;
import org.healthcode.gateway.upstream.Upstream;
import org.jboss.resteasy.reactive.RestMulti;

/** Cases reported by the health authority, and what tracing found, for the authority and epidemiologists. */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Confirmed, suspected and cleared cases; their contacts and transmission chains")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class CasesResource {

    private final CaseReports reports;
    private final CaseFindings findings;
    private final ContactTraceClient contactTrace;

    public CasesResource(CaseReports reports, CaseFindings findings, @RestClient ContactTraceClient contactTrace) {
        this.reports = reports;
        this.findings = findings;
        this.contactTrace = contactTrace;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("authority")
    @Operation(summary = "Confirm, suspect or clear a case: {documentType, documentNumber} or {subjectId}, "
            + "plus status and onsetDate")
    @APIResponse(responseCode = "201", description = "Recorded (and, when confirmed, traced)",
            content = @Content(schema = @Schema(implementation = Cases.CaseDecision.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<Response> report(
            @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Cases.CaseReport.class),
                            example = ApiExamples.CASE_BY_DOCUMENT)) JsonNode report) {
        return reports.report(report);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"epidemiologist", "authority"})
    @Operation(summary = "A case")
    @APIResponse(responseCode = "200", description = "The case",
            content = @Content(schema = @Schema(implementation = Cases.TraceCase.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> get(@PathParam("id") String id) {
        return Upstream.relay("contact-trace", contactTrace.get(id));
    }

    @GET
    @Path("/{id}/contacts")
    @RolesAllowed({"epidemiologist", "authority"})
    @Operation(summary = "A case's contacts, a page at a time (page from 0), each with a masked name")
    @APIResponse(responseCode = "200", description = "A page of contacts",
            content = @Content(schema = @Schema(implementation = Cases.ContactPage.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<ObjectNode> contacts(@PathParam("id") String id, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return findings.contacts(id, page, size);
    }

    @GET
    @Path("/{id}/chain")
    @RolesAllowed({"epidemiologist", "authority"})
    @Operation(summary = "A case's transmission chain: people (masked) and where and when they met")
    @APIResponse(responseCode = "200", description = "The chain",
            content = @Content(schema = @Schema(implementation = Cases.Chain.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<ObjectNode> chain(@PathParam("id") String id) {
        return findings.chain(id);
    }

    @GET
    @Path("/{id}/contacts.csv")
    @Produces("text/csv;charset=UTF-8")
    @RolesAllowed({"epidemiologist", "authority"})
    @Operation(summary = "Every contact of a case as CSV, streamed: "
            + "contactSubjectId,maskedName,degree,exposure,venueId,overlapFrom,overlapTo,homeProvince")
    @APIResponse(responseCode = "200", description = "Every contact, one a line after the header",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestMulti<String> contactsCsv(@PathParam("id") String id, @Context HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        return RestMulti.fromUniResponse(findings.firstCsvPage(id, authorization),
                first -> findings.csv(id, first, authorization),
                first -> Map.of("Content-Disposition",
                        List.of("attachment; filename=\"" + ContactCsv.fileName(id) + "\"")));
    }
}
