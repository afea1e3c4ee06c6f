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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
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
    @APIResponse(responseCode = "201", description = "Recorded (and, when confirmed, traced)")
    public Uni<Response> report(
            @RequestBody(content = @Content(example = ApiExamples.CASE_BY_DOCUMENT)) JsonNode report) {
        return reports.report(report);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"epidemiologist", "authority"})
    @Operation(summary = "A case")
    public Uni<Response> get(@PathParam("id") String id) {
        return Upstream.relay("contact-trace", contactTrace.get(id));
    }

    @GET
    @Path("/{id}/contacts")
    @RolesAllowed({"epidemiologist", "authority"})
    @Operation(summary = "A case's contacts, a page at a time (page from 0), each with a masked name")
    public Uni<ObjectNode> contacts(@PathParam("id") String id, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return findings.contacts(id, page, size);
    }

    @GET
    @Path("/{id}/chain")
    @RolesAllowed({"epidemiologist", "authority"})
    @Operation(summary = "A case's transmission chain: people (masked) and where and when they met")
    public Uni<ObjectNode> chain(@PathParam("id") String id) {
        return findings.chain(id);
    }

    @GET
    @Path("/{id}/contacts.csv")
    @Produces("text/csv;charset=UTF-8")
    @RolesAllowed({"epidemiologist", "authority"})
    @Operation(summary = "Every contact of a case as CSV, streamed: "
            + "contactSubjectId,maskedName,degree,exposure,venueId,overlapFrom,overlapTo")
    public RestMulti<String> contactsCsv(@PathParam("id") String id, @Context HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        return RestMulti.fromUniResponse(findings.firstCsvPage(id, authorization),
                first -> findings.csv(id, first, authorization),
                first -> Map.of("Content-Disposition",
                        List.of("attachment; filename=\"" + ContactCsv.fileName(id) + "\"")));
    }
}
