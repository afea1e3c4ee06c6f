package org.healthcode.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.healthcode.gateway.contract.Governance;
import org.healthcode.gateway.service.ServiceAdmin;
import org.healthcode.gateway.service.SubjectLookup;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;

/** The admin's audit trail, the commands that make the platform forget, and the dead letters' re-drive. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "Admin", description = "Audit trail, retention purge, the end of the emergency and the destruction")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class AdminResource {

    /** What the admin must send to destroy, as every service expects it: no destruction by accident. */
    static final String CONFIRMATION = "DESTROY ALL PERSONAL DATA";
    /** What the admin must send to end the emergency: it stops all intake, for good. */
    static final String ENDING = "END THE EMERGENCY";

    private final ServiceAdmin admin;
    private final SubjectLookup subjects;

    public AdminResource(ServiceAdmin admin, SubjectLookup subjects) {
        this.admin = admin;
        this.subjects = subjects;
    }

    @GET
    @Path("/audit")
    @Operation(summary = "The audit trail of every service, oldest first: staff reads of personal data and "
            + "colour changes with their causes, by subjectId, actor and time (from, to: ISO instants)")
    @APIResponse(responseCode = "200", description = "The entries",
            content = @Content(schema = @Schema(implementation = Governance.AuditTrail.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    public Uni<ObjectNode> audit(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("subjectId") String subjectId, @QueryParam("actor") String actor,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") String limit) {
        return admin.audit(authorization, subjectId, actor, from, to, limit);
    }

    @POST
    @Path("/admin/purge")
    @Operation(summary = "Purge now what is past retention (scan logs, visits, declarations, check-ins); "
            + "it also runs on a schedule")
    @APIResponse(responseCode = "200", description = "Done in every service",
            content = @Content(schema = @Schema(implementation = Governance.DataCommandOutcome.class)))
    @APIResponse(responseCode = "502", description = "Not done in every service: run it again",
            content = @Content(schema = @Schema(implementation = Governance.DataCommandOutcome.class)))
    public Uni<Response> purge(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return admin.purge(authorization).map(AdminResource::answer);
    }

    @GET
    @Path("/admin/dead-letters")
    @Operation(summary = "The messages consumers could not read or apply (sent to dead-letter-topic-<topic>) and "
            + "not re-driven yet, from every service: topic, partition, offset, when, why; never their content")
    @APIResponse(responseCode = "200", description = "The pending dead letters",
            content = @Content(schema = @Schema(implementation = Governance.DeadLetters.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    public Uni<ObjectNode> deadLetters(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("limit") String limit) {
        return admin.deadLetters(authorization, limit);
    }

    @POST
    @Path("/admin/dead-letters/redrive")
    @Operation(summary = "Once their cause is fixed: publish every pending dead letter (of one topic, with ?topic=) "
            + "again on its topic; consumers apply an event once. Answers how many per service and topic, written to "
            + "each service's audit trail; 502 with the failures when a service did not answer: run it again.")
    @APIResponse(responseCode = "200", description = "Done in every service",
            content = @Content(schema = @Schema(implementation = Governance.RedriveOutcome.class)))
    @APIResponse(responseCode = "502", description = "Not done in every service: run it again",
            content = @Content(schema = @Schema(implementation = Governance.RedriveOutcome.class)))
    public Uni<Response> redrive(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("topic") String topic) {
        return admin.redrive(authorization, topic).map(AdminResource::answer);
    }

    @GET
    @Path("/admin/emergency")
    @Operation(summary = "Whether the emergency has ended in every service, when and by which admin account")
    @APIResponse(responseCode = "200", description = "Every service answered",
            content = @Content(schema = @Schema(implementation = Governance.EmergencyState.class)))
    @APIResponse(responseCode = "502", description = "A service did not answer",
            content = @Content(schema = @Schema(implementation = Governance.EmergencyState.class)))
    public Uni<Response> emergency(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return admin.emergency(authorization).map(AdminResource::answer);
    }

    @POST
    @Path("/admin/emergency/end")
    @Operation(summary = "End the emergency: from now on every service refuses new registrations, declarations, "
            + "check-ins, scans, venues, appeals and case reports (409 EMERGENCY_ENDED); reads go on until the "
            + "destruction, which may run only after this. Recorded and audited in every service; ending it again "
            + "answers the first record. 502 with the failures when a service did not answer: run it again.")
    @APIResponse(responseCode = "200", description = "Ended in every service",
            content = @Content(schema = @Schema(implementation = Governance.EmergencyState.class)))
    @APIResponse(responseCode = "502", description = "Not ended in every service: run it again",
            content = @Content(schema = @Schema(implementation = Governance.EmergencyState.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> endEmergency(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Governance.EmergencyEndRequest.class),
                            example = ApiExamples.EMERGENCY_END)) JsonNode confirmation) {
        if (confirmation == null || !ENDING.equals(confirmation.path("confirmation").asText())) {
            // each service checks it too; refused here, no service is asked at all
            throw ApiException.invalid(List.of(new ApiError.Detail("confirmation", "must be \"" + ENDING + "\"")));
        }
        return admin.endEmergency(authorization, confirmation).map(AdminResource::answer);
    }

    @POST
    @Path("/admin/destruction")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "After the end of the emergency: destroy all personal data in every service, then every "
            + "event on Kafka (dead-letter topics included). Answers what was deleted per service and table, and "
            + "per topic with whether it is now empty; each audit trail keeps only that it happened. 409 "
            + "EMERGENCY_NOT_ENDED before the end. 502 with the failures when a service did not finish: run it again.")
    @APIResponse(responseCode = "200", description = "Done in every service and on every topic",
            content = @Content(schema = @Schema(implementation = Governance.DataCommandOutcome.class)))
    @APIResponse(responseCode = "502", description = "Not done in every service: run it again",
            content = @Content(schema = @Schema(implementation = Governance.DataCommandOutcome.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<Response> destroy(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Governance.DestructionRequest.class),
                            example = ApiExamples.DESTRUCTION)) JsonNode confirmation) {
        if (confirmation == null || !CONFIRMATION.equals(confirmation.path("confirmation").asText())) {
            // each service checks it too; refused here, no service is asked at all
            throw ApiException.invalid(List.of(new ApiError.Detail("confirmation", "must be \"" + CONFIRMATION + "\"")));
        }
        return admin.destroy(authorization, confirmation).call(subjects::forgetEveryone).map(AdminResource::answer);
    }

    private static Response answer(ObjectNode outcome) {
        return Response.status(outcome.path("complete").asBoolean() ? 200 : 502).entity(outcome).build();
    }
}
