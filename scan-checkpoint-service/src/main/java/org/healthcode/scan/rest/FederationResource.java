package org.healthcode.scan.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.healthcode.scan.service.FederationService;
import org.healthcode.kit.governance.Intake;
import org.healthcode.scan.domain.FederationContact;
import org.healthcode.scan.service.FederationService.HomeColour;
import org.healthcode.scan.service.FederationService.Receipt;
import org.jboss.resteasy.reactive.ResponseHeader;

/**
 * Other provinces' checkpoints asking this one, their visitors' home, for a current colour, and
 * their tracing sending the contacts it found among this province's people. No
 * bearer token: the request's signature, by a federation key the national trust list gives the
 * asking province, is the credential, and {@link FederationService} checks it here, whoever
 * forwarded the request.
 */
@Path("/v1/federation")
public class FederationResource {

    private final FederationService federation;

    public FederationResource(FederationService federation) {
        this.federation = federation;
    }

    /** Body: the compact JWS ({@code application/jose}); answer {@code {colour, gold, asOf}}. */
    @POST
    @Path("/colour")
    @PermitAll
    // any content type (application/jose by the contract): the signature, not the header, is what counts, and
    // a request without one is answered 400 FEDERATION_MALFORMED like any other that is not a message
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    public Uni<HomeColour> colour(String request) {
        return federation.colour(request == null ? null : request.strip());
    }

    /**
     * Another province sends a contact of one of this province's people that its tracing found.
     * Body: the compact JWS ({@code application/jose}, a {@link FederationContact} message); answer
     * {@code {findingId, status}}: ACCEPTED, or DUPLICATE for a finding that province sent before
     * (nothing changes). Intake: refused once the emergency has ended.
     */
    @POST
    @Path("/contacts")
    @PermitAll
    @Intake
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    public Uni<Receipt> contact(String request) {
        return federation.contact(request == null ? null : request.strip());
    }
}
