package org.healthcode.scan.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.healthcode.kit.code.token.VerificationKeys.Jwks;
import org.healthcode.scan.trust.TrustedKeys;
import org.jboss.resteasy.reactive.ResponseHeader;

/**
 * The provinces whose codes this checkpoint accepts and their public keys: public, and outside
 * {@code /v1} like a JWKS, so that it needs no token.
 */
@Path("/trust-list")
public class TrustListResource {

    private final TrustedKeys trust;

    public TrustListResource(TrustedKeys trust) {
        this.trust = trust;
    }

    /** {@code {"330000":{"keys":[JWK…]}, …}}: the same shape as {@code scan.trust-list}. */
    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @ResponseHeader(name = "Cache-Control", value = "public, max-age=300")
    public Map<String, Jwks> trustList() {
        return trust.trustList().toJwks();
    }
}
