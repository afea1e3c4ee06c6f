package org.healthcode.kit.code.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public keys of one issuer, by key id. Built from a key ring or, for an offline verifier,
 * from the JWKS the issuer publishes.
 */
public final class VerificationKeys {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, VerificationKey> byKid;
    private final List<VerificationKey> ordered;

    public VerificationKeys(Collection<VerificationKey> keys) {
        Map<String, VerificationKey> map = new LinkedHashMap<>();
        keys.forEach(key -> map.put(key.kid(), key));
        this.byKid = Map.copyOf(map);
        this.ordered = List.copyOf(map.values());
    }

    /** The key with this id, or null. */
    public VerificationKey find(String kid) {
        return kid == null ? null : byKid.get(kid);
    }

    public List<VerificationKey> keys() {
        return ordered;
    }

    /** These keys and {@code others}; for a key id in both, the one of {@code others}. */
    public VerificationKeys with(VerificationKeys others) {
        List<VerificationKey> all = new ArrayList<>(ordered);
        all.addAll(others.ordered);
        return new VerificationKeys(all);
    }

    public Jwks toJwks() {
        return new Jwks(ordered.stream().map(VerificationKey::toJwk).toList());
    }

    /**
     * Reads a JWKS, keeping its EC P-256 keys meant for ES256 signatures. Throws when the document
     * is not a JWKS or a P-256 key is not a valid point.
     */
    public static VerificationKeys fromJwks(String json) {
        try {
            return fromJwks(JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JWKS document");
        }
    }

    /** As {@link #fromJwks(String)}, for a document already parsed. */
    public static VerificationKeys fromJwks(JsonNode document) {
        JsonNode keys = document == null ? null : document.path("keys");
        if (keys == null || !keys.isArray()) {
            throw new IllegalArgumentException("not a JWKS document");
        }
        List<VerificationKey> accepted = new ArrayList<>();
        for (JsonNode jwk : keys) {
            if (!"EC".equals(jwk.path("kty").asText()) || !"P-256".equals(jwk.path("crv").asText())
                    || !jwk.path("kid").isTextual()
                    || (jwk.has("alg") && !Es256.JWS_ALGORITHM.equals(jwk.path("alg").asText()))
                    || (jwk.has("use") && !"sig".equals(jwk.path("use").asText()))) {
                continue;
            }
            try {
                Base64.Decoder base64Url = Base64.getUrlDecoder();
                BigInteger x = new BigInteger(1, base64Url.decode(jwk.path("x").asText()));
                BigInteger y = new BigInteger(1, base64Url.decode(jwk.path("y").asText()));
                accepted.add(new VerificationKey(jwk.get("kid").asText(), Es256.publicKey(x, y)));
            } catch (IllegalArgumentException | GeneralSecurityException e) {
                throw new IllegalArgumentException("JWKS key is not a P-256 public key");
            }
        }
        return new VerificationKeys(accepted);
    }

    /** A JSON Web Key Set (RFC 7517). */
    public record Jwks(List<VerificationKey.Jwk> keys) {
    }
}
