package org.healthcode.codeissuer.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.healthcode.codeissuer.token.KeyRing;
import org.healthcode.kit.code.token.VerificationKeys.Jwks;
import org.jboss.resteasy.reactive.ResponseHeader;

/**
 * This province's public keys for anyone to verify its codes offline: every key that is not
 * revoked, the one signing now and those kept for rotation overlap.
 */
@Path("/.well-known/jwks.json")
public class JwksResource {

    private final Jwks jwks;

    public JwksResource(KeyRing keys) {
        this.jwks = keys.verification().toJwks();
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @ResponseHeader(name = "Cache-Control", value = "public, max-age=300")
    public Jwks jwks() {
        return jwks;
    }
}
