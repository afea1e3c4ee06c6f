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

/** The provinces whose codes this checkpoint accepts and their public keys: public, like a JWKS. */
@Path("/v1/trust-list")
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

    /** The same list outside {@code /v1}, where the gateway's client asks for it. */
    @Path("/trust-list")
    public static class OutsideV1 {

        private final TrustedKeys trust;

        public OutsideV1(TrustedKeys trust) {
            this.trust = trust;
        }

        @GET
        @PermitAll
        @Produces(MediaType.APPLICATION_JSON)
        @ResponseHeader(name = "Cache-Control", value = "public, max-age=300")
        public Map<String, Jwks> trustList() {
            return trust.trustList().toJwks();
        }
    }
}
