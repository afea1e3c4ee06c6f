package org.healthcode.gateway.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** contact-trace-service: cases, their contacts and transmission chains. */
@RegisterRestClient(configKey = "contact-trace")
@RegisterClientHeaders
@Path("/v1/cases")
public interface ContactTraceClient {

    @POST
    Uni<Response> report(JsonNode caseReport);

    @GET
    @Path("/{id}")
    Uni<Response> get(@PathParam("id") String id);

    /**
     * One page of a case's contacts. {@code authorization} null: the caller's token is propagated
     * as for every call; the CSV export names it, as it reads pages after the request has answered.
     * {@code page} and {@code size} go as given (null: left out), for the service to judge.
     * {@code export} "true" has the read audited as an export (the CSV), null as a read.
     */
    @GET
    @Path("/{id}/contacts")
    Uni<ObjectNode> contacts(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("export") String export);

    @GET
    @Path("/{id}/chain")
    Uni<ObjectNode> chain(@PathParam("id") String id);
}
