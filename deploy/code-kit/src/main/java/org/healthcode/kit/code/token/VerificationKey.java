package org.healthcode.kit.code.token;

import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;

/** A public key with its key id; checks R || S signatures and describes itself as a JWK. */
public final class VerificationKey {

    private final String kid;
    private final ECPublicKey publicKey;
    private final ThreadLocal<Signature> verifier;

    VerificationKey(String kid, ECPublicKey publicKey) {
        this.kid = kid;
        this.publicKey = publicKey;
        this.verifier = ThreadLocal.withInitial(() -> Es256.verifier(publicKey));
    }

    public String kid() {
        return kid;
    }

    ECPublicKey publicKey() {
        return publicKey;
    }

    boolean verifies(byte[] signingInput, byte[] rawSignature) {
        if (rawSignature.length != 2 * Es256.FIELD_BYTES) {
            return false;
        }
        Signature signature = verifier.get();
        try {
            signature.update(signingInput);
            return signature.verify(EcdsaSignatureFormat.toDer(rawSignature));
        } catch (SignatureException | IllegalArgumentException e) {
            // A failed verify may leave the instance mid-operation; start the next one afresh.
            verifier.remove();
            return false;
        }
    }

    public Jwk toJwk() {
        Base64.Encoder base64Url = Base64.getUrlEncoder().withoutPadding();
        return new Jwk("EC", "P-256",
                base64Url.encodeToString(Es256.octets(publicKey.getW().getAffineX())),
                base64Url.encodeToString(Es256.octets(publicKey.getW().getAffineY())),
                kid, Es256.JWS_ALGORITHM, "sig");
    }

    /** One public key of a JWKS (RFC 7517), as published. */
    public record Jwk(String kty, String crv, String x, String y, String kid, String alg, String use) {
    }
}
