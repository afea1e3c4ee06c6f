package org.healthcode.gateway.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** declaration-service: persons, dependents, declarations, check-ins, masked names. */
@RegisterRestClient(configKey = "declaration")
@RegisterClientHeaders
@Path("/v1")
public interface DeclarationClient {

    // The imports: one method per content type, since with the Jackson REST client extension present a
    // Content-Type passed as a header parameter is replaced by application/json; @Consumes is kept.

    /** The authority's itinerary import, as the gateway received it (CSV with a header row). */
    @POST
    @Path("/imports/itineraries")
    @jakarta.ws.rs.Consumes("text/csv")
    Uni<Response> importItinerariesCsv(byte[] file);

    /** The same, one JSON object per line. */
    @POST
    @Path("/imports/itineraries")
    @jakarta.ws.rs.Consumes("application/x-ndjson")
    Uni<Response> importItinerariesNdjson(byte[] file);

    /** The authority's transport manifest import (CSV with a header row). */
    @POST
    @Path("/imports/manifests")
    @jakarta.ws.rs.Consumes("text/csv")
    Uni<Response> importManifestsCsv(byte[] file);

    /** The same, one JSON object per line. */
    @POST
    @Path("/imports/manifests")
    @jakarta.ws.rs.Consumes("application/x-ndjson")
    Uni<Response> importManifestsNdjson(byte[] file);

    /** The authority's case list import (CSV with a header row). */
    @POST
    @Path("/imports/cases")
    @jakarta.ws.rs.Consumes("text/csv")
    Uni<Response> importCasesCsv(byte[] file);

    /** The same, one JSON object per line. */
    @POST
    @Path("/imports/cases")
    @jakarta.ws.rs.Consumes("application/x-ndjson")
    Uni<Response> importCasesNdjson(byte[] file);

    @POST
    @Path("/persons/me/registration")
    Uni<Response> register(JsonNode registration);

    @GET
    @Path("/persons/me")
    Uni<Response> me();

    /** The same call as {@link #me()}, read for the caller's subjectId. */
    @GET
    @Path("/persons/me")
    Uni<SubjectRef> mySubject();

    @POST
    @Path("/persons/me/declarations")
    Uni<Response> declare(JsonNode declaration);

    @POST
    @Path("/persons/me/checkins")
    Uni<Response> checkIn(JsonNode checkIn);

    @POST
    @Path("/persons/me/dependents")
    Uni<Response> addDependent(JsonNode dependent);

    @GET
    @Path("/persons/me/dependents")
    Uni<Response> dependents();

    @GET
    @Path("/persons/me/dependents/{id}")
    Uni<Response> dependent(@PathParam("id") String id);

    /** The same call as {@link #dependent(String)}, read for the dependent's subjectId. */
    @GET
    @Path("/persons/me/dependents/{id}")
    Uni<SubjectRef> dependentSubject(@PathParam("id") String id);

    @POST
    @Path("/persons/me/dependents/{id}/declarations")
    Uni<Response> declareForDependent(@PathParam("id") String id, JsonNode declaration);

    @POST
    @Path("/persons/me/dependents/{id}/checkins")
    Uni<Response> checkInForDependent(@PathParam("id") String id, JsonNode checkIn);

    @GET
    @Path("/subjects/{subjectId}/masked-name")
    Uni<MaskedName> maskedName(@PathParam("subjectId") String subjectId);

    /**
     * Masked names of up to 500 subjects. {@code authorization} null: the caller's token is
     * propagated; the CSV export names it, as it asks after the request has answered.
     */
    @POST
    @Path("/subjects/masked-names")
    Uni<MaskedNames> maskedNames(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            MaskedNames.Request subjectIds);

    @POST
    @Path("/persons/me/appeals")
    Uni<Response> appeal(JsonNode appeal);

    @GET
    @Path("/persons/me/appeals")
    Uni<Response> myAppeals();

    @GET
    @Path("/appeals")
    Uni<Response> appeals(@QueryParam("status") String status, @QueryParam("limit") String limit);

    /** An authority's answer to an appeal, read to join an override proposal to it. */
    @POST
    @Path("/appeals/{id}/answer")
    Uni<ObjectNode> answer(@PathParam("id") String id, JsonNode answer);

    /** The subjectId of a document ({documentType, documentNumber}), validated there as at registration. */
    @POST
    @Path("/subjects/resolve")
    Uni<SubjectResolution> resolve(JsonNode document);

    @POST
    @Path("/organisations")
    Uni<Response> registerOrganisation(JsonNode registration);

    @GET
    @Path("/organisations/mine")
    Uni<Response> myOrganisation();

    /** The caller's organisation's roster (masked names, subjectIds, today's declaration and check-in). */
    @GET
    @Path("/organisations/mine/roster")
    Uni<ObjectNode> roster();

    @GET
    @Path("/organisations")
    Uni<Response> organisations(@QueryParam("status") String status, @QueryParam("limit") String limit);

    @POST
    @Path("/organisations/{id}/approve")
    Uni<Response> approveOrganisation(@PathParam("id") String id);

    @POST
    @Path("/persons/me/organisations")
    Uni<Response> join(JsonNode join);

    @GET
    @Path("/persons/me/organisations")
    Uni<Response> memberships();

    @DELETE
    @Path("/persons/me/organisations/{id}")
    Uni<Response> leave(@PathParam("id") String organisationId);

    @PUT
    @Path("/persons/me/community")
    Uni<Response> nameCommunity(JsonNode community);

    @GET
    @Path("/persons/me/community")
    Uni<Response> community();

    @DELETE
    @Path("/persons/me/community")
    Uni<Response> leaveCommunity();

    @PUT
    @Path("/persons/me/dependents/{id}/community")
    Uni<Response> nameDependentCommunity(@PathParam("id") String dependentId, JsonNode community);

    @GET
    @Path("/persons/me/dependents/{id}/community")
    Uni<Response> dependentCommunity(@PathParam("id") String dependentId);

    @DELETE
    @Path("/persons/me/dependents/{id}/community")
    Uni<Response> leaveDependentCommunity(@PathParam("id") String dependentId);

    /**
     * The residents of one of the worker's communities (masked names, subjectIds, dependent, today's
     * check-in); {@code export} true when read for a CSV export, which is audited as one.
     */
    @GET
    @Path("/communities/{venueId}/residents")
    Uni<ObjectNode> communityResidents(@PathParam("venueId") String venueId, @QueryParam("export") String export);
}
