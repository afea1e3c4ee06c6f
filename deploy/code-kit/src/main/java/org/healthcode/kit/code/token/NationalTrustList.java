package org.healthcode.kit.code.token;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The national trust list: every province's code-signing keys, each with its window and
 * {@link KeyStatus}, numbered ({@code version}, higher is newer) and dated ({@code issuedAt}). The
 * national hub signs it with the trust anchor's key as a compact JWS, ES256 like the codes, header
 * {@code {"alg":"ES256","kid":<anchor kid>,"typ":"hc-trust-list"}}, payload
 *
 * <pre>{"version":7,"issuedAt":"2026-12-01T00:00:00Z","provinces":[{"code":"330000","name":"浙江省",
 *   "verificationApi":"https://hc.zj.example/api/v1","keys":[{"jwk":{"kty":"EC",…,"kid":"k1"},
 *   "notBefore":"2026-01-01T00:00:00Z","notAfter":"2027-01-01T00:00:00Z","status":"ACTIVE"}],
 *   "federationKeys":[{"jwk":{…,"kid":"zj-fed-1"},"notBefore":…,"status":"ACTIVE"}]}]}</pre>
 *
 * ({@code notAfter} may be absent: no end yet). A checkpoint reads it with {@link TrustAnchor}, which
 * holds the anchor's pinned public key; {@link #toTrustList()} is what its verifier then trusts.
 */
public record NationalTrustList(long version, Instant issuedAt, List<Province> provinces) {

    /** The JWS header's {@code typ}: a trust list is not a code, and a code is not a trust list. */
    public static final String TYPE = "hc-trust-list";

    private static final Pattern PROVINCE = Pattern.compile("[0-9]{2}0000");
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /**
     * One province: its GB/T 2260 code, its name, where its verification API is (also its
     * federation base: {@link FederationMessage}s to it go there), its code-signing keys and its
     * federation keys (which sign what the province asks or tells another province; none for a
     * province that takes no part in federation yet).
     */
    public record Province(String code, String name, URI verificationApi, List<ListedKey> keys,
            List<ListedKey> federationKeys) {

        /** A province without federation keys. */
        public Province(String code, String name, URI verificationApi, List<ListedKey> keys) {
            this(code, name, verificationApi, keys, List.of());
        }

        public Province {
            if (code == null || !PROVINCE.matcher(code).matches()) {
                throw new IllegalArgumentException("a province code such as 330000 is required");
            }
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("province " + code + " has no name");
            }
            if (verificationApi == null || !("https".equals(verificationApi.getScheme())
                    || "http".equals(verificationApi.getScheme())) || verificationApi.getHost() == null) {
                throw new IllegalArgumentException("province " + code + ": verificationApi is not an http(s) URL");
            }
            keys = List.copyOf(keys);
            federationKeys = federationKeys == null ? List.of() : List.copyOf(federationKeys);
            Set<String> kids = new HashSet<>();
            for (ListedKey key : keys) {
                if (!kids.add(key.key().kid())) {
                    throw new IllegalArgumentException("province " + code + " lists key " + key.key().kid() + " twice");
                }
            }
            Set<String> federationKids = new HashSet<>();
            for (ListedKey key : federationKeys) {
                if (!federationKids.add(key.key().kid())) {
                    throw new IllegalArgumentException("province " + code + " lists federation key " + key.key().kid()
                            + " twice");
                }
            }
        }

        /** The listed key with this id, or null. */
        public ListedKey find(String kid) {
            return keys.stream().filter(key -> key.key().kid().equals(kid)).findFirst().orElse(null);
        }

        /** The listed federation key with this id, or null. */
        public ListedKey findFederationKey(String kid) {
            return federationKeys.stream().filter(key -> key.key().kid().equals(kid)).findFirst().orElse(null);
        }
    }

    /** A province's public key and when and whether it may have signed codes. */
    public record ListedKey(VerificationKey key, KeyValidity validity) {

        public ListedKey {
            if (key == null || validity == null) {
                throw new IllegalArgumentException("a listed key has a JWK and a validity");
            }
            if (validity.notBefore() == null) {
                throw new IllegalArgumentException("key " + key.kid() + " has no notBefore");
            }
        }
    }

    public NationalTrustList {
        if (version < 1) {
            throw new IllegalArgumentException("a trust list's version is 1 or more");
        }
        if (issuedAt == null) {
            throw new IllegalArgumentException("a trust list has an issue time");
        }
        provinces = List.copyOf(provinces);
        Set<String> codes = new HashSet<>();
        for (Province province : provinces) {
            if (!codes.add(province.code())) {
                throw new IllegalArgumentException("province " + province.code() + " is listed twice");
            }
        }
    }

    /** The province with this code, or null. */
    public Province province(String code) {
        return provinces.stream().filter(province -> province.code().equals(code)).findFirst().orElse(null);
    }

    /** What a verifier trusts from this list: each province with its keys, windows and statuses. */
    public TrustList toTrustList() {
        TrustList list = TrustList.empty();
        for (Province province : provinces) {
            list = list.with(province.code(), new VerificationKeys(province.keys().stream()
                    .map(listed -> listed.key().withValidity(listed.validity())).toList()));
        }
        return list;
    }

    /** The payload, as signed. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", version);
        root.put("issuedAt", issuedAt.toString());
        ArrayNode provinceArray = root.putArray("provinces");
        for (Province province : provinces) {
            ObjectNode entry = provinceArray.addObject();
            entry.put("code", province.code());
            entry.put("name", province.name());
            entry.put("verificationApi", province.verificationApi().toString());
            write(entry.putArray("keys"), province.keys());
            // only when there are some: a list without federation reads exactly as before
            if (!province.federationKeys().isEmpty()) {
                write(entry.putArray("federationKeys"), province.federationKeys());
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("trust list not writable", e);
        }
    }

    private static void write(ArrayNode keyArray, List<ListedKey> keys) {
        for (ListedKey listed : keys) {
            ObjectNode key = keyArray.addObject();
            key.set("jwk", JSON.valueToTree(listed.key().toJwk()));
            key.put("notBefore", listed.validity().notBefore().toString());
            if (listed.validity().notAfter() != null) {
                key.put("notAfter", listed.validity().notAfter().toString());
            }
            key.put("status", listed.validity().status().name());
        }
    }

    /** This list signed by the anchor: the compact JWS the hub publishes. */
    public String sign(SigningKey anchor) {
        ObjectNode header = JSON.createObjectNode().put("alg", Es256.JWS_ALGORITHM).put("kid", anchor.kid())
                .put("typ", TYPE);
        String signingInput = BASE64URL.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64URL.encodeToString(toJson().getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + BASE64URL.encodeToString(anchor.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Reads a payload (not its signature: {@link TrustAnchor#verify(String)} checks that first).
     * Throws {@link IllegalArgumentException} saying what is wrong, never echoing the document.
     */
    public static NationalTrustList parse(String payload) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("the trust list is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the trust list is not a JSON object");
        }
        if (!root.path("version").isIntegralNumber() || !root.path("version").canConvertToLong()) {
            throw new IllegalArgumentException("the trust list has no version number");
        }
        if (!root.path("provinces").isArray()) {
            throw new IllegalArgumentException("the trust list has no provinces array");
        }
        List<Province> provinces = new ArrayList<>();
        for (JsonNode entry : root.path("provinces")) {
            String code = entry.path("code").asText(null);
            List<ListedKey> keys = new ArrayList<>();
            if (!entry.path("keys").isArray()) {
                throw new IllegalArgumentException("province " + code + " has no keys array");
            }
            for (JsonNode key : entry.path("keys")) {
                keys.add(listedKey(code, key));
            }
            List<ListedKey> federationKeys = new ArrayList<>();
            if (entry.has("federationKeys")) {
                if (!entry.path("federationKeys").isArray()) {
                    throw new IllegalArgumentException("province " + code + ": federationKeys is not an array");
                }
                for (JsonNode key : entry.path("federationKeys")) {
                    federationKeys.add(listedKey(code, key));
                }
            }
            provinces.add(new Province(code, entry.path("name").asText(null), uri(code, entry.path("verificationApi")),
                    keys, federationKeys));
        }
        return new NationalTrustList(root.path("version").longValue(), instant("issuedAt", root.path("issuedAt")),
                provinces);
    }

    private static ListedKey listedKey(String province, JsonNode key) {
        VerificationKey jwk;
        try {
            jwk = VerificationKey.fromJwk(key.path("jwk"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("province " + province + ": a key is not an ES256 P-256 JWK with a kid");
        }
        KeyStatus status;
        try {
            status = KeyStatus.valueOf(key.path("status").asText(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("province " + province + ", key " + jwk.kid()
                    + ": status is not ACTIVE, RETIRED or REVOKED");
        }
        String what = "province " + province + ", key " + jwk.kid() + ": ";
        Instant notAfter = key.has("notAfter") ? instant(what + "notAfter", key.path("notAfter")) : null;
        try {
            return new ListedKey(jwk, new KeyValidity(instant(what + "notBefore", key.path("notBefore")), notAfter,
                    status));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith("province") ? e.getMessage() : what + e.getMessage());
        }
    }

    private static Instant instant(String what, JsonNode node) {
        try {
            return Instant.parse(node.asText(""));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " is not an ISO-8601 instant");
        }
    }

    private static URI uri(String province, JsonNode node) {
        try {
            return new URI(node.asText(""));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("province " + province + ": verificationApi is not a URL");
        }
    }
}
