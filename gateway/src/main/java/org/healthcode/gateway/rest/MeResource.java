package org.healthcode.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.healthcode.gateway.contract.Checkpoints;
import org.healthcode.gateway.contract.Codes;
import org.healthcode.gateway.contract.Governance;
import org.healthcode.gateway.contract.Persons;
import org.healthcode.gateway.service.SubjectLookup;
import org.healthcode.gateway.service.VenueCheckins;
import org.healthcode.gateway.upstream.CodeIssuerPlatformClient;
import org.healthcode.gateway.upstream.DeclarationClient;
import org.healthcode.gateway.upstream.RiskScoringPlatformClient;
import org.healthcode.gateway.upstream.Upstream;

/**
 * The citizen's own data. Identity always comes from the token, never from the request: declaration-
 * service turns the token into the subject (with the citizen's own token), then the code and its
 * explanation are asked for with the gateway's service identity.
 */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("citizen")
@Tag(name = "Citizen", description = "The caller's own registration, declarations and health code")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class MeResource {

    private final DeclarationClient declaration;
    private final CodeIssuerPlatformClient codeIssuer;
    private final RiskScoringPlatformClient riskScoring;
    private final SubjectLookup subjects;
    private final VenueCheckins venueCheckins;

    public MeResource(@RestClient DeclarationClient declaration, @RestClient CodeIssuerPlatformClient codeIssuer,
            @RestClient RiskScoringPlatformClient riskScoring, SubjectLookup subjects, VenueCheckins venueCheckins) {
        this.declaration = declaration;
        this.codeIssuer = codeIssuer;
        this.riskScoring = riskScoring;
        this.subjects = subjects;
        this.venueCheckins = venueCheckins;
    }

    @POST
    @Path("/registration")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register self: name, documentType, documentNumber, phone, regionCode")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = Persons.Profile.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<Response> register(
            @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Persons.Registration.class),
                            example = ApiExamples.REGISTRATION)) JsonNode registration) {
        return Upstream.relay("declaration", declaration.register(registration)).call(subjects::forgetCaller);
    }

    @GET
    @Operation(summary = "Own profile, masked")
    @APIResponse(responseCode = "200", description = "The caller's registration",
            content = @Content(schema = @Schema(implementation = Persons.Profile.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> me() {
        return Upstream.relay("declaration", declaration.me());
    }

    @POST
    @Path("/declarations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Declare travel, contacts, symptoms, temperature, vaccination, inbound arrival")
    @APIResponse(responseCode = "201", description = "Declared",
            content = @Content(schema = @Schema(implementation = Persons.Submission.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<Response> declare(
            @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Persons.Declaration.class),
                            example = ApiExamples.DECLARATION)) JsonNode declaration) {
        return Upstream.relay("declaration", this.declaration.declare(declaration));
    }

    @POST
    @Path("/checkins")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Daily health check-in: symptoms and temperature")
    @APIResponse(responseCode = "201", description = "Checked in",
            content = @Content(schema = @Schema(implementation = Persons.Submission.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<Response> checkIn(
            @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Persons.CheckIn.class),
                            example = ApiExamples.CHECK_IN)) JsonNode checkIn) {
        return Upstream.relay("declaration", declaration.checkIn(checkIn));
    }

    @GET
    @Path("/code")
    @Operation(summary = "Own health code: colour, gold, signed token, expiry and reasons")
    @APIResponse(responseCode = "200", description = "The code",
            content = @Content(schema = @Schema(implementation = Codes.HealthCode.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> code() {
        return subjects.ofCaller().flatMap(subject -> Upstream.relay("code-issuer", codeIssuer.code(subject)))
                .flatMap(subjects::forgetCallerIfUnknown);
    }

    @GET
    @Path("/code.png")
    @Produces("image/png")
    @Operation(summary = "Own health code as a QR image in its colour (PNG)")
    @APIResponse(responseCode = "200", description = "The QR image",
            content = @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> codePng() {
        return subjects.ofCaller().flatMap(subject -> Upstream.relay("code-issuer", codeIssuer.codePng(subject)))
                .flatMap(subjects::forgetCallerIfUnknown);
    }

    @GET
    @Path("/code.svg")
    @Produces("image/svg+xml")
    @Operation(summary = "Own health code as a QR image in its colour (SVG)")
    @APIResponse(responseCode = "200", description = "The QR image",
            content = @Content(mediaType = "image/svg+xml", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> codeSvg() {
        return subjects.ofCaller().flatMap(subject -> Upstream.relay("code-issuer", codeIssuer.codeSvg(subject)))
                .flatMap(subjects::forgetCallerIfUnknown);
    }

    @POST
    @Path("/paper-code")
    @Produces("application/pdf")
    @Operation(summary = "Print a paper code (A6 PDF) for a person without a phone, valid for months; it "
            + "revokes the one printed before. It carries no colour: the checkpoint reads the colour now when it "
            + "scans it. The PDF is English and digits only; the reference number (header Paper-Code-Reference) "
            + "identifies the print")
    @APIResponse(responseCode = "200", description = "The printable page",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> paperCode() {
        return subjects.ofCaller().flatMap(subject -> Upstream.relay("code-issuer", codeIssuer.paperCode(subject)))
                .flatMap(subjects::forgetCallerIfUnknown);
    }

    @GET
    @Path("/code/explanation")
    @Operation(summary = "Why the code has its colour: each reason in plain language (Chinese or English by "
            + "Accept-Language), since and until when, and what to do")
    @APIResponse(responseCode = "200", description = "The colour explained",
            content = @Content(schema = @Schema(implementation = Codes.Explanation.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> explanation(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return subjects.ofCaller()
                .flatMap(subject -> Upstream.relay("risk-scoring", riskScoring.explanation(subject, language)))
                .flatMap(subjects::forgetCallerIfUnknown);
    }

    @POST
    @Path("/appeals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dispute a colour (own, or a dependent's with subjectId): the province's health "
            + "authority answers")
    @APIResponse(responseCode = "201", description = "Filed",
            content = @Content(schema = @Schema(implementation = Governance.Appeal.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<Response> appeal(@RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Governance.AppealRequest.class),
                            example = ApiExamples.APPEAL)) JsonNode appeal) {
        return Upstream.relay("declaration", declaration.appeal(appeal));
    }

    @GET
    @Path("/appeals")
    @Operation(summary = "Own and own dependents' appeals, newest first, with the authority's answers")
    @APIResponse(responseCode = "200", description = "The appeals",
            content = @Content(schema = @Schema(implementation = Governance.Appeals.class)))
    public Uni<Response> appeals() {
        return Upstream.relay("declaration", declaration.myAppeals());
    }

    @POST
    @Path("/venue-checkins")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check in at a venue by its poster code, with dependents if they came along: "
            + "the visit is logged and the colours returned to show")
    @APIResponse(responseCode = "200", description = "Checked in",
            content = @Content(schema = @Schema(implementation = Checkpoints.VenueCheckin.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<Response> checkInAtVenue(
            @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Checkpoints.VenueCheckinRequest.class),
                            example = ApiExamples.VENUE_CHECKIN)) JsonNode checkin) {
        return venueCheckins.checkIn(checkin);
    }
}
