package org.healthcode.gateway.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** scan-checkpoint-service: venues and their posters, where codes are still required, scans at checkpoints, venue check-ins, the trust list, federation. */
@RegisterRestClient(configKey = "scan-checkpoint")
@RegisterClientHeaders
public interface ScanCheckpointClient {

    @POST
    @Path("/v1/venues")
    Uni<Response> createVenue(JsonNode venue);

    @GET
    @Path("/v1/venues/{id}")
    Uni<Response> venue(@PathParam("id") String id);

    // JSON accepted too: a refusal (404, 403) comes back in the error shape.
    @GET
    @Path("/v1/venues/{id}/poster.png")
    @Produces({"image/png", MediaType.APPLICATION_JSON})
    Uni<Response> poster(@PathParam("id") String id);

    /** The decision as the service gives it; the gateway adds the holder's masked name. */
    @POST
    @Path("/v1/scans")
    Uni<ObjectNode> scan(JsonNode scan);

    @GET
    @Path("/v1/code-requirements/{province}")
    Uni<Response> codeRequirements(@PathParam("province") String province);

    @PUT
    @Path("/v1/code-requirements/{province}/{venueType}")
    Uni<Response> setCodeRequirement(@PathParam("province") String province, @PathParam("venueType") String venueType,
            JsonNode change);

    /**
     * Another province asking for a resident's colour: no token, the signed request is the
     * credential, checked by scan-checkpoint itself.
     */
    @POST
    @Path("/v1/federation/colour")
    @Consumes("application/jose")
    Uni<Response> federationColour(String request);

    /**
     * Another province sending a contact its tracing found among this province's people: no token,
     * the signed message is the credential, checked by scan-checkpoint itself.
     */
    @POST
    @Path("/v1/federation/contacts")
    @Consumes("application/jose")
    Uni<Response> federationContact(String request);

    /** This province's federation public key, for the national hub. */
    @GET
    @Path("/.well-known/federation-jwks.json")
    Uni<Response> federationJwks();

    /** Public, like the JWKS: outside /v1, so it needs no token. */
    @GET
    @Path("/trust-list")
    Uni<Response> trustList();
}
