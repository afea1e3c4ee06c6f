package org.healthcode.scan.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.healthcode.kit.code.token.VerificationKeys.Jwks;
import org.healthcode.scan.trust.FederationKey;
import org.jboss.resteasy.reactive.ResponseHeader;

/**
 * This province's federation public key, for the national hub to list (as the province's
 * {@code federationKeys}); public like a JWKS. Empty when no federation key is configured.
 */
@Path("/.well-known/federation-jwks.json")
public class FederationJwksResource {

    private final FederationKey key;

    public FederationJwksResource(FederationKey key) {
        this.key = key;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @ResponseHeader(name = "Cache-Control", value = "public, max-age=300")
    public Jwks jwks() {
        return key.jwks();
    }
}
