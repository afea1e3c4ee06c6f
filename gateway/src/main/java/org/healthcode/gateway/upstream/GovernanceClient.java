package org.healthcode.gateway.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The admin calls every data-owning service answers alike (the service kit's): its audit trail, a
 * purge, the end of the emergency and the destruction, the dead letters and their re-drive. One client per service, built by {@code ServiceAdmin}.
 */
@Path("/v1")
public interface GovernanceClient {

    @GET
    @Path("/audit")
    Uni<ArrayNode> audit(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("subjectId") String subjectId, @QueryParam("actor") String actor,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") String limit);

    @POST
    @Path("/admin/purge")
    Uni<ObjectNode> purge(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/admin/dead-letters")
    Uni<ArrayNode> deadLetters(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("limit") String limit);

    @POST
    @Path("/admin/dead-letters/redrive")
    Uni<ObjectNode> redrive(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("topic") String topic);

    @GET
    @Path("/admin/emergency")
    Uni<ObjectNode> emergency(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/admin/emergency/end")
    Uni<ObjectNode> endEmergency(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonNode confirmation);

    @POST
    @Path("/admin/destruction")
    Uni<ObjectNode> destroy(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonNode confirmation);

    @POST
    @Path("/admin/destruction/topics")
    Uni<ObjectNode> destroyEvents(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonNode confirmation);
}
