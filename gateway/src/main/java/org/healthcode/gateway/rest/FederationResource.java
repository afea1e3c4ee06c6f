package org.healthcode.gateway.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
import org.healthcode.gateway.contract.Checkpoints;
import org.healthcode.gateway.upstream.ScanCheckpointClient;
import org.healthcode.gateway.upstream.Upstream;

/**
 * Province to province: another province's checkpoint asks this one, its visitor's home, for the
 * current colour, and another province's tracing sends a contact it found among this province's
 * people. No bearer token (application.properties opens the path): the request is signed
 * with the asking province's federation key from the national trust list, and scan-checkpoint
 * checks that signature itself; the gateway only forwards.
 */
@Path("/api/v1/federation")
@PermitAll
@Tag(name = "Federation", description = "Other provinces asking for their visitors' colours and sending the"
        + " contacts their tracing found among this province's people")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class FederationResource {

    private final ScanCheckpointClient scanCheckpoint;

    public FederationResource(@RestClient ScanCheckpointClient scanCheckpoint) {
        this.scanCheckpoint = scanCheckpoint;
    }

    @POST
    @Path("/colour")
    // any content type (application/jose by the contract): scan-checkpoint judges the body
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A resident's current colour, for the province whose checkpoint scanned their code",
            description = "Body: a compact JWS (ES256, typ hc-federation) signed with the asking province's"
                    + " federation key: iss (asking province), aud (this province), iat, exp (at most 60 s later),"
                    + " jti, token (the scanned code, issued by this province). Each answer is audited here.")
    @APIResponse(responseCode = "200", description = "The colour now",
            content = @Content(schema = @Schema(implementation = Checkpoints.HomeColour.class)))
    @APIResponse(responseCode = "401", description = "FEDERATION_SIGNATURE_INVALID, FEDERATION_UNKNOWN_PROVINCE,"
            + " FEDERATION_UNKNOWN_KEY, FEDERATION_KEY_REVOKED, FEDERATION_EXPIRED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "400", description = "FEDERATION_MALFORMED: not a federation message",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "403", description = "FEDERATION_WRONG_AUDIENCE, FEDERATION_CODE_INVALID,"
            + " FEDERATION_CODE_NOT_ISSUED_HERE",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "404", description = "SUBJECT_COLOUR_NOT_FOUND: no colour is held for the holder",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiError")))
    public Uni<Response> colour(@RequestBody(required = true, content = @Content(mediaType = "application/jose",
            schema = @Schema(type = SchemaType.STRING, description = "The compact JWS"))) String request) {
        return Upstream.relay("scan-checkpoint", scanCheckpoint.federationColour(request));
    }

    @POST
    @Path("/contacts")
    // any content type (application/jose by the contract): scan-checkpoint judges the body
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A contact of one of this province's people, found by the sending province's tracing",
            description = "Body: a compact JWS (ES256, typ hc-federation) signed with the sending province's"
                    + " federation key: iss (the sending province, whose case it was), aud (this province), iat, exp"
                    + " (at most 60 s later), jti, kind (contact), findingId (the sender's id of the finding, the same"
                    + " on every resend), subjectId (this province's pseudonym of the contact), degree (1, 2),"
                    + " exposure (CLOSE, TRANSPORT, SPATIOTEMPORAL), overlapFrom, overlapTo, lastExposure. Taken in"
                    + " once per sending province and findingId (a resend answers DUPLICATE and changes nothing),"
                    + " audited, and the contact's colour follows as for a contact found here.")
    @APIResponse(responseCode = "200", description = "ACCEPTED, or DUPLICATE for a finding sent before",
            content = @Content(schema = @Schema(implementation = Checkpoints.ContactReceipt.class)))
    @APIResponse(responseCode = "401", description = "FEDERATION_SIGNATURE_INVALID, FEDERATION_UNKNOWN_PROVINCE,"
            + " FEDERATION_UNKNOWN_KEY, FEDERATION_KEY_REVOKED, FEDERATION_EXPIRED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "400", description = "FEDERATION_MALFORMED: not a federation message;"
            + " FEDERATION_CONTACT_INVALID: signed, but not a contact finding (the claim is named)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "403", description = "FEDERATION_WRONG_AUDIENCE",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "409", description = "EMERGENCY_ENDED: no intake after the end of the emergency",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiError")))
    public Uni<Response> contacts(@RequestBody(required = true, content = @Content(mediaType = "application/jose",
            schema = @Schema(type = SchemaType.STRING, description = "The compact JWS"))) String request) {
        return Upstream.relay("scan-checkpoint", scanCheckpoint.federationContact(request));
    }
}
