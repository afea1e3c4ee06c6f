package org.healthcode.trusthub;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.healthcode.kit.code.token.KeyStatus;
import org.healthcode.kit.code.token.KeyValidity;
import org.healthcode.kit.code.token.NationalTrustList;
import org.healthcode.kit.code.token.VerificationKey;
import org.healthcode.kit.code.token.VerificationKeys;

/**
 * The hub operator's description of the next list: its version, and per province its code, name,
 * verification API, where its JWKS is (a file, relative to the description, or an http(s) URL) and
 * each key's window and status:
 *
 * <pre>{"version": 2, "provinces": [{"code": "330000", "name": "浙江省",
 *   "verificationApi": "https://hc.zj.example/api/v1", "jwks": "zhejiang-jwks.json",
 *   "keys": {"k1": {"notBefore": "2026-01-01T00:00:00Z", "notAfter": "2026-12-01T00:00:00Z", "status": "RETIRED"},
 *            "k2": {"notBefore": "2026-12-01T00:00:00Z", "status": "ACTIVE"}}}]}</pre>
 *
 * A province taking part in federation (asking other provinces for a traveller's colour) adds
 * {@code "federationJwks"} (its {@code /.well-known/federation-jwks.json}, a file or a URL) and
 * {@code "federationKeys"}, described the same way.
 *
 * Every key of a province's JWKS must be described (nothing is trusted by default); a described key
 * that the JWKS no longer has (a revoked one the province withdrew) carries its own {@code "jwk"}.
 */
final class ListDescription {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final int MAX_JWKS_BYTES = 64 * 1024;

    private ListDescription() {
    }

    /** The list the description at {@code file} describes, issued at {@code issuedAt}. */
    static NationalTrustList assemble(Path file, Instant issuedAt) throws IOException, InterruptedException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not JSON");
        }
        if (root == null || !root.path("version").canConvertToLong() || !root.path("version").isIntegralNumber()) {
            throw new IllegalArgumentException(file + ": \"version\" (a whole number, higher than the last list's) is required");
        }
        if (!root.path("provinces").isArray()) {
            throw new IllegalArgumentException(file + ": \"provinces\" (an array) is required");
        }
        List<NationalTrustList.Province> provinces = new ArrayList<>();
        for (JsonNode province : root.path("provinces")) {
            provinces.add(province(file.toAbsolutePath().getParent(), province));
        }
        return new NationalTrustList(root.path("version").longValue(), issuedAt, provinces);
    }

    private static NationalTrustList.Province province(Path base, JsonNode entry) throws IOException, InterruptedException {
        String code = entry.path("code").asText("");
        String where = "province " + code;
        if (!entry.path("jwks").isTextual()) {
            throw new IllegalArgumentException(where + ": \"jwks\" (a file or an http(s) URL) is required");
        }
        List<NationalTrustList.ListedKey> keys = described(base, where, entry.path("jwks").asText(), entry.path("keys"),
                "keys", "key");
        List<NationalTrustList.ListedKey> federationKeys = List.of();
        if (entry.has("federationJwks") || entry.has("federationKeys")) {
            if (!entry.path("federationJwks").isTextual()) {
                throw new IllegalArgumentException(where + ": \"federationJwks\" (a file or an http(s) URL) is required"
                        + " with \"federationKeys\"");
            }
            federationKeys = described(base, where, entry.path("federationJwks").asText(), entry.path("federationKeys"),
                    "federationKeys", "federation key");
        }
        URI api;
        try {
            api = URI.create(entry.path("verificationApi").asText(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": \"verificationApi\" is not a URL");
        }
        return new NationalTrustList.Province(code, entry.path("name").asText(null), api, keys, federationKeys);
    }

    /** Every key of the JWKS at {@code jwksAt}, each as {@code described} says (all must be). */
    private static List<NationalTrustList.ListedKey> described(Path base, String where, String jwksAt, JsonNode described,
            String field, String what) throws IOException, InterruptedException {
        Map<String, VerificationKey> published = new TreeMap<>();
        VerificationKeys.fromJwks(jwks(base, jwksAt)).keys().forEach(key -> published.put(key.kid(), key));
        for (String kid : published.keySet()) {
            if (!described.has(kid)) {
                throw new IllegalArgumentException(where + ": " + what + " " + kid
                        + " of its JWKS is not described (notBefore, status) in \"" + field + "\"");
            }
        }
        List<NationalTrustList.ListedKey> keys = new ArrayList<>();
        for (Map.Entry<String, JsonNode> key : described.properties()) {
            String kid = key.getKey();
            JsonNode about = key.getValue();
            VerificationKey jwk = published.get(kid);
            if (about.has("jwk")) {
                VerificationKey own = VerificationKey.fromJwk(about.path("jwk"));
                if (!own.kid().equals(kid) || (jwk != null && !jwk.samePublicKey(own))) {
                    throw new IllegalArgumentException(where + ": " + what + " " + kid
                            + "'s \"jwk\" is not the key its JWKS has");
                }
                jwk = own;
            }
            if (jwk == null) {
                throw new IllegalArgumentException(where + ": " + what + " " + kid
                        + " is not in its JWKS; describe it with its \"jwk\" or leave it out");
            }
            keys.add(new NationalTrustList.ListedKey(jwk, validity(where + ", " + what + " " + kid, about)));
        }
        return keys;
    }

    private static KeyValidity validity(String where, JsonNode about) {
        KeyStatus status;
        try {
            status = KeyStatus.valueOf(about.path("status").asText(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": \"status\" is ACTIVE, RETIRED or REVOKED");
        }
        try {
            Instant notBefore = Instant.parse(about.path("notBefore").asText(""));
            Instant notAfter = about.has("notAfter") ? Instant.parse(about.path("notAfter").asText()) : null;
            return new KeyValidity(notBefore, notAfter, status);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": \"notBefore\" (required) and \"notAfter\" are instants such as"
                    + " 2026-12-01T00:00:00Z");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static String jwks(Path base, String where) throws IOException, InterruptedException {
        if (!where.startsWith("http://") && !where.startsWith("https://")) {
            return Files.readString(base.resolve(where), StandardCharsets.UTF_8);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(where))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException(where + " answered HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_JWKS_BYTES + 1);
            if (bytes.length > MAX_JWKS_BYTES) {
                throw new IOException(where + " is larger than a JWKS");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
