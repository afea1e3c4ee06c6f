package org.healthcode.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.healthcode.gateway.StandIn.Answer;

/**
 * declaration-, code-issuer- and risk-scoring-service as their internal APIs (contracts-issue3)
 * describe them, for the calls the gateway makes. Citizens whose {@code sub} starts with
 * "newcomer" have not registered; a citizen's one dependent has the id "dependent-of-" + sub;
 * a code token "valid:" + subjectId verifies, any other does not.
 */
public class ServiceStandIns implements QuarkusTestResourceLifecycleManager {

    static final String UNKNOWN_SUBJECT = "UnknownToDeclaration00";
    /** Every byte value, after the PNG signature: any re-encoding on the way would show. */
    static final byte[] PNG = png();
    static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 29 29\"><path d=\"M0 0h7v7H0z\"/></svg>";

    static StandIn declaration;
    static StandIn codeIssuer;
    static StandIn riskScoring;

    @Override
    public Map<String, String> start() {
        declaration = new StandIn("declaration-service")
                .on("POST", "/v1/persons/me/registration", (call, path) -> Answer.json(201, profile(call.subject())))
                .on("GET", "/v1/persons/me", (call, path) -> registered(call.subject())
                        ? Answer.json(200, profile(call.subject())) : Answer.error(404, "NOT_REGISTERED"))
                .on("POST", "/v1/persons/me/(declarations|checkins)", (call, path) -> declared(call.subject()))
                .on("POST", "/v1/persons/me/dependents", (call, path) ->
                        Answer.json(201, dependent("dependent-of-" + call.subject())))
                .on("GET", "/v1/persons/me/dependents", (call, path) ->
                        Answer.json(200, "{\"items\":[" + dependent("dependent-of-" + call.subject()) + "]}"))
                .on("GET", "/v1/persons/me/dependents/([^/]+)", (call, path) -> ownDependent(call, path.group(1))
                        ? Answer.json(200, dependent(path.group(1))) : Answer.error(404, "DEPENDENT_NOT_FOUND"))
                .on("POST", "/v1/persons/me/dependents/([^/]+)/(declarations|checkins)", (call, path) ->
                        ownDependent(call, path.group(1)) ? declared(path.group(1))
                                : Answer.error(404, "DEPENDENT_NOT_FOUND"))
                .on("GET", "/v1/subjects/([^/]+)/masked-name", (call, path) -> path.group(1).equals(UNKNOWN_SUBJECT)
                        ? Answer.error(404, "SUBJECT_NOT_FOUND")
                        : Answer.json(200, "{\"subjectId\":\"" + path.group(1) + "\",\"maskedName\":\"张*三\"}"));

        codeIssuer = new StandIn("code-issuer-service")
                .on("GET", "/v1/subjects/([^/]+)/code", (call, path) -> Answer.json(200, code(path.group(1))))
                .on("GET", "/v1/subjects/([^/]+)/code.png", (call, path) -> new Answer(200, "image/png", PNG))
                .on("GET", "/v1/subjects/([^/]+)/code.svg", (call, path) ->
                        new Answer(200, "image/svg+xml", SVG.getBytes(StandardCharsets.UTF_8)))
                .on("POST", "/v1/codes/verify", (call, path) -> verdict(call.field("token")))
                .on("GET", "/.well-known/jwks.json", (call, path) -> Answer.json(200,
                        "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
                                + "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\",\"kid\":\"k1\",\"alg\":\"ES256\",\"use\":\"sig\"}]}"));

        riskScoring = new StandIn("risk-scoring-service")
                .on("PUT", "/v1/regions/([^/]+)/risk", (call, path) -> Answer.json(200, "{\"regionCode\":\""
                        + path.group(1) + "\",\"level\":\"" + call.field("level") + "\",\"updatedAt\":\"2026-11-22T03:15:00Z\"}"))
                .on("GET", "/v1/regions/risk", (call, path) -> Answer.json(200,
                        "{\"items\":[{\"regionCode\":\"420106\",\"level\":\"HIGH\",\"updatedAt\":\"2026-11-22T03:15:00Z\"}]}"));

        return Map.of(
                "quarkus.rest-client.declaration.url", declaration.url(),
                "quarkus.rest-client.code-issuer.url", codeIssuer.url(),
                "quarkus.rest-client.risk-scoring.url", riskScoring.url(),
                // small enough for a test to run out of, large enough for every other test's calls
                "gateway.rate-limit.burst", "10",
                "gateway.rate-limit.per-second", "1");
    }

    @Override
    public void stop() {
        declaration.stop();
        codeIssuer.stop();
        riskScoring.stop();
    }

    /** The stand-in's pseudonym for an account or a dependent: 22 characters, as the real one. */
    static String subjectOf(String owner) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(owner.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean registered(String sub) {
        return sub != null && !sub.startsWith("newcomer");
    }

    private static boolean ownDependent(StandIn.Call call, String id) {
        return id.equals("dependent-of-" + call.subject());
    }

    private static String profile(String owner) {
        return "{\"id\":\"" + owner + "\",\"subjectId\":\"" + subjectOf(owner) + "\",\"maskedName\":\"张*三\","
                + "\"documentType\":\"RESIDENT_ID\",\"maskedDocumentNumber\":\"3301**********1234\","
                + "\"maskedPhone\":\"138****5678\",\"regionCode\":\"330106\",\"province\":\"330000\","
                + "\"registeredAt\":\"2026-11-22T03:00:00Z\"}";
    }

    private static String dependent(String id) {
        return profile(id).replaceFirst("\\}$", ",\"relation\":\"CHILD\"}");
    }

    private static Answer declared(String owner) {
        return Answer.json(201, "{\"id\":\"6f1c1f3e-4a4b-4a43-9d6e-7d5d1b0e2f11\",\"subjectId\":\""
                + subjectOf(owner) + "\",\"kind\":\"FULL\",\"declaredAt\":\"2026-11-22T03:15:00Z\"}");
    }

    private static String code(String subjectId) {
        return "{\"subjectId\":\"" + subjectId + "\",\"colour\":\"GREEN\",\"gold\":true,\"token\":\"eyJhbGciOiJFUzI1NiJ9.e30.c2ln\","
                + "\"expiresAt\":\"2026-11-22T03:20:00Z\",\"validUntil\":\"2026-11-22T16:00:00Z\",\"declarationDue\":null,"
                + "\"quarantineUntil\":null,\"reasons\":[]}";
    }

    private static Answer verdict(String token) {
        if (token == null) {
            return new Answer(400, "application/json", ("{\"error\":\"VALIDATION_FAILED\",\"message\":\"The request has "
                    + "invalid fields\",\"details\":[{\"field\":\"token\",\"problem\":\"is required\"}]}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (!token.startsWith("valid:")) {
            return Answer.json(200, "{\"valid\":false,\"reason\":\"BAD_SIGNATURE\",\"colour\":null,\"gold\":null,"
                    + "\"tokenColour\":null,\"province\":null,\"subjectId\":null,\"expiresAt\":null}");
        }
        return Answer.json(200, "{\"valid\":true,\"reason\":null,\"colour\":\"YELLOW\",\"gold\":false,\"tokenColour\":\"G\","
                + "\"province\":\"330000\",\"subjectId\":\"" + token.substring(6) + "\",\"expiresAt\":\"2026-11-22T03:20:00Z\"}");
    }

    private static byte[] png() {
        byte[] bytes = new byte[8 + 256];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(signature, 0, bytes, 0, 8);
        for (int i = 0; i < 256; i++) {
            bytes[8 + i] = (byte) i;
        }
        return bytes;
    }
}
