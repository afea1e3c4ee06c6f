package org.healthcode.kit.code.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Project Wycheproof's ECDSA P-256/SHA-256 vectors in r‖s form (the JWS ES256 form), run through the
 * signature check {@link TokenVerifier} uses: the group's JWK read as a trust list reads it
 * ({@link VerificationKeys#fromJwks}), then {@link VerificationKey#verifies} on the message and the
 * raw signature. Every {@code valid} vector must verify and every {@code invalid} one must not. The
 * file has no {@code acceptable} vector (the implementation's choice); {@link #theWholeFileIsHere}
 * insists on that, so a newer file that brings some makes someone decide what they mean here.
 */
class WycheproofTest {

    private static final String FILE = "/wycheproof/ecdsa_secp256r1_sha256_p1363_test.json";
    private static final HexFormat HEX = HexFormat.of();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One test of the file, with the key of its group. */
    record Vector(int tcId, String comment, String result, VerificationKey key, byte[] msg, byte[] sig) {
        @Override
        public String toString() {
            return "tcId " + tcId + " " + result + " (" + comment + ")";
        }
    }

    static List<Vector> vectors() {
        return vectors(read());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void verifiesExactlyTheValidSignatures(Vector vector) {
        boolean expected = switch (vector.result()) {
            case "valid" -> true;
            case "invalid" -> false;
            default -> throw new AssertionError("no rule for a '" + vector.result() + "' vector: " + vector);
        };
        assertEquals(expected, vector.key().verifies(vector.msg(), vector.sig()), vector::toString);
    }

    @Test
    void theWholeFileIsHere() {
        JsonNode file = read();
        List<Vector> vectors = vectors(file);
        Map<String, Long> byResult = vectors.stream()
                .collect(Collectors.groupingBy(Vector::result, TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("valid", 173L, "invalid", 89L), byResult, "vectors by expected result");
        assertEquals(262, vectors.size());
        assertEquals(262, file.path("numberOfTests").intValue(), "the file's own count");
        assertEquals(112, file.path("testGroups").size(), "groups, each with its key");
        assertEquals(262, vectors.stream().mapToInt(Vector::tcId).distinct().count(), "distinct tcIds");
    }

    private static JsonNode read() {
        try (InputStream in = WycheproofTest.class.getResourceAsStream(FILE)) {
            assertNotNull(in, FILE + " is on the test class path");
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + FILE, e);
        }
    }

    private static List<Vector> vectors(JsonNode file) {
        assertEquals("ECDSA", file.path("algorithm").textValue());
        assertEquals("ecdsa_p1363_verify_schema_v1.json", file.path("schema").textValue());
        List<Vector> vectors = new ArrayList<>();
        for (JsonNode group : file.path("testGroups")) {
            assertEquals("EcdsaP1363Verify", group.path("type").textValue());
            assertEquals("SHA-256", group.path("sha").textValue());
            assertEquals("secp256r1", group.path("publicKey").path("curve").textValue());
            List<VerificationKey> keys = VerificationKeys.fromJwks(jwks(group)).keys();
            assertEquals(1, keys.size(), "the group's key is read as an ES256 key");
            for (JsonNode test : group.path("tests")) {
                vectors.add(new Vector(test.path("tcId").intValue(), test.path("comment").textValue(),
                        test.path("result").textValue(), keys.get(0), HEX.parseHex(test.path("msg").textValue()),
                        HEX.parseHex(test.path("sig").textValue())));
            }
        }
        return List.copyOf(vectors);
    }

    /**
     * The group's key as a verifier gets it: a JWK in a JWKS, to be read by the trust list's own
     * code. Made from the uncompressed point ({@code wx}, {@code wy}) because 9 groups (tcId 253 to
     * 262, the r and s edge cases) have no {@code publicKeyJwk}; where a group has one, it must be
     * the same key.
     */
    private static ObjectNode jwks(JsonNode group) {
        JsonNode point = group.path("publicKey");
        ObjectNode jwk = JSON.createObjectNode()
                .put("kty", "EC")
                .put("crv", "P-256")
                .put("x", coordinate(point.path("wx").textValue()))
                .put("y", coordinate(point.path("wy").textValue()))
                .put("kid", "w");
        JsonNode published = group.path("publicKeyJwk");
        if (!published.isMissingNode()) {
            assertEquals(published.path("x").textValue(), jwk.path("x").textValue());
            assertEquals(published.path("y").textValue(), jwk.path("y").textValue());
        }
        ObjectNode jwks = JSON.createObjectNode();
        jwks.putArray("keys").add(jwk);
        return jwks;
    }

    /** A hex coordinate (possibly with a sign byte) as JOSE writes it: 32 bytes, base64url. */
    private static String coordinate(String hex) {
        return B64.encodeToString(Es256.octets(new BigInteger(1, HEX.parseHex(hex))));
    }
}
