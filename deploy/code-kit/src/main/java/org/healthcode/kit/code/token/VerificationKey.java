package org.healthcode.kit.code.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.List;

/**
 * A public key with its key id and its {@link KeyValidity} (unbounded and active unless the national
 * trust list says otherwise); checks R || S signatures and describes itself as a JWK.
 */
public final class VerificationKey {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String kid;
    private final ECPublicKey publicKey;
    private final KeyValidity validity;
    private final ThreadLocal<Signature> verifier;

    VerificationKey(String kid, ECPublicKey publicKey) {
        this(kid, publicKey, KeyValidity.UNBOUNDED);
    }

    private VerificationKey(String kid, ECPublicKey publicKey, KeyValidity validity) {
        this.kid = kid;
        this.publicKey = publicKey;
        this.validity = validity;
        this.verifier = ThreadLocal.withInitial(() -> Es256.verifier(publicKey));
    }

    /**
     * One P-256 public key written as a JWK ({@code kty} EC, {@code crv} P-256, {@code kid}, {@code x},
     * {@code y}). Throws {@link IllegalArgumentException} when it is not one.
     */
    public static VerificationKey fromJwk(JsonNode jwk) {
        if (jwk == null || !jwk.isObject()) {
            throw new IllegalArgumentException("not a JWK");
        }
        List<VerificationKey> keys = VerificationKeys.fromJwks(JSON.createObjectNode().set("keys",
                JSON.createArrayNode().add(jwk))).keys();
        if (keys.size() != 1) {
            throw new IllegalArgumentException("not an ES256 P-256 JWK with a kid");
        }
        return keys.get(0);
    }

    /** As {@link #fromJwk(JsonNode)}, from its JSON text. */
    public static VerificationKey fromJwk(String json) {
        try {
            return fromJwk(json == null ? null : JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JWK");
        }
    }

    public String kid() {
        return kid;
    }

    public KeyValidity validity() {
        return validity;
    }

    /** The same key with this window and status. */
    public VerificationKey withValidity(KeyValidity validity) {
        return new VerificationKey(kid, publicKey, validity);
    }

    /** Whether both are the same public key (whatever their kid and validity). */
    public boolean samePublicKey(VerificationKey other) {
        return other != null && publicKey.getW().equals(other.publicKey.getW());
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
