package org.healthcode.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.healthcode.gateway.contract.Codes;
import org.healthcode.gateway.contract.Communities;
import org.healthcode.gateway.contract.Persons;
import org.healthcode.gateway.service.SubjectLookup;
import org.healthcode.gateway.upstream.CodeIssuerPlatformClient;
import org.healthcode.gateway.upstream.DeclarationClient;
import org.healthcode.gateway.upstream.RiskScoringPlatformClient;
import org.healthcode.gateway.upstream.Upstream;

/**
 * A guardian acting for up to five dependents without a smartphone. Whether a dependent is the
 * caller's is declaration-service's answer; another's is a 404 there and so a 404 here.
 */
@Path("/api/v1/me/dependents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("citizen")
@Tag(name = "Dependents", description = "A guardian registering, declaring and showing codes for dependents")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "RateLimited")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class DependentsResource {

    private final DeclarationClient declaration;
    private final CodeIssuerPlatformClient codeIssuer;
    private final RiskScoringPlatformClient riskScoring;
    private final SubjectLookup subjects;

    public DependentsResource(@RestClient DeclarationClient declaration, @RestClient CodeIssuerPlatformClient codeIssuer,
            @RestClient RiskScoringPlatformClient riskScoring, SubjectLookup subjects) {
        this.declaration = declaration;
        this.codeIssuer = codeIssuer;
        this.riskScoring = riskScoring;
        this.subjects = subjects;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a dependent: registration fields plus relation (phone optional)")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = Persons.Dependent.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<Response> add(
            @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Persons.DependentRegistration.class),
                            example = ApiExamples.DEPENDENT)) JsonNode dependent) {
        return Upstream.relay("declaration", declaration.addDependent(dependent));
    }

    @GET
    @Operation(summary = "The caller's dependents, masked")
    @APIResponse(responseCode = "200", description = "The dependents",
            content = @Content(schema = @Schema(implementation = Persons.Dependents.class)))
    public Uni<Response> list() {
        return Upstream.relay("declaration", declaration.dependents());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One dependent, masked")
    @APIResponse(responseCode = "200", description = "The dependent",
            content = @Content(schema = @Schema(implementation = Persons.Dependent.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> get(@PathParam("id") String id) {
        return Upstream.relay("declaration", declaration.dependent(id));
    }

    @POST
    @Path("/{id}/declarations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Declare for a dependent")
    @APIResponse(responseCode = "201", description = "Declared",
            content = @Content(schema = @Schema(implementation = Persons.Submission.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<Response> declare(
            @PathParam("id") String id,
            @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Persons.Declaration.class),
                            example = ApiExamples.DECLARATION)) JsonNode declaration) {
        return Upstream.relay("declaration", this.declaration.declareForDependent(id, declaration));
    }

    @POST
    @Path("/{id}/checkins")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Daily check-in for a dependent")
    @APIResponse(responseCode = "201", description = "Checked in",
            content = @Content(schema = @Schema(implementation = Persons.Submission.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<Response> checkIn(
            @PathParam("id") String id,
            @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Persons.CheckIn.class),
                            example = ApiExamples.CHECK_IN)) JsonNode checkIn) {
        return Upstream.relay("declaration", declaration.checkInForDependent(id, checkIn));
    }

    @GET
    @Path("/{id}/code")
    @Operation(summary = "A dependent's health code")
    @APIResponse(responseCode = "200", description = "The code",
            content = @Content(schema = @Schema(implementation = Codes.HealthCode.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> code(@PathParam("id") String id) {
        return subjects.ofDependent(id).flatMap(subject -> Upstream.relay("code-issuer", codeIssuer.code(subject)));
    }

    @GET
    @Path("/{id}/code.png")
    @Produces("image/png")
    @Operation(summary = "A dependent's health code as a QR image (PNG)")
    @APIResponse(responseCode = "200", description = "The QR image",
            content = @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> codePng(@PathParam("id") String id) {
        return subjects.ofDependent(id).flatMap(subject -> Upstream.relay("code-issuer", codeIssuer.codePng(subject)));
    }

    @GET
    @Path("/{id}/code.svg")
    @Produces("image/svg+xml")
    @Operation(summary = "A dependent's health code as a QR image (SVG)")
    @APIResponse(responseCode = "200", description = "The QR image",
            content = @Content(mediaType = "image/svg+xml", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> codeSvg(@PathParam("id") String id) {
        return subjects.ofDependent(id).flatMap(subject -> Upstream.relay("code-issuer", codeIssuer.codeSvg(subject)));
    }

    @POST
    @Path("/{id}/paper-code")
    @Produces("application/pdf")
    @Operation(summary = "Print a dependent's paper code (A6 PDF), valid for months; it "
            + "revokes the one printed before. It carries no colour: the checkpoint reads the colour now when it "
            + "scans it. The PDF is English and digits only; the reference number (header Paper-Code-Reference) "
            + "identifies the print")
    @APIResponse(responseCode = "200", description = "The printable page",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> paperCode(@PathParam("id") String id) {
        return subjects.ofDependent(id).flatMap(subject -> Upstream.relay("code-issuer", codeIssuer.paperCode(subject)));
    }

    @GET
    @Path("/{id}/code/explanation")
    @Operation(summary = "Why a dependent's code has its colour, in Chinese or English by Accept-Language")
    @APIResponse(responseCode = "200", description = "The colour explained",
            content = @Content(schema = @Schema(implementation = Codes.Explanation.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> explanation(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return subjects.ofDependent(id)
                .flatMap(subject -> Upstream.relay("risk-scoring", riskScoring.explanation(subject, language)));
    }

    @PUT
    @Path("/{id}/community")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Name a dependent's residential community, as for oneself (PUT /api/v1/me/community)")
    @APIResponse(responseCode = "200", description = "Named",
            content = @Content(schema = @Schema(implementation = Communities.NamedCommunity.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Uni<Response> nameCommunity(@PathParam("id") String id,
            @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Communities.CommunityChoice.class),
                            example = ApiExamples.COMMUNITY)) JsonNode community) {
        return Upstream.relay("declaration", declaration.nameDependentCommunity(id, community));
    }

    @GET
    @Path("/{id}/community")
    @Operation(summary = "A dependent's residential community (null when none is named)")
    @APIResponse(responseCode = "200", description = "The community",
            content = @Content(schema = @Schema(implementation = Communities.NamedCommunity.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> community(@PathParam("id") String id) {
        return Upstream.relay("declaration", declaration.dependentCommunity(id));
    }

    @DELETE
    @Path("/{id}/community")
    @Operation(summary = "A dependent leaves their community")
    @APIResponse(responseCode = "200", description = "Left: community null",
            content = @Content(schema = @Schema(implementation = Communities.NamedCommunity.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> leaveCommunity(@PathParam("id") String id) {
        return Upstream.relay("declaration", declaration.leaveDependentCommunity(id));
    }
}
