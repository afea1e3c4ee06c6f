package org.healthcode.kit.code.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which provinces' codes a verifier accepts, and with which public keys: issuer (a province code,
 * the token's {@code iss}) → that province's keys. Immutable; written and read as JSON
 * {@code {"330000":{"keys":[JWK, …]}, "310000":{"keys":[…]}}}, one JWKS per province.
 */
public final class TrustList {

    private static final Pattern PROVINCE = Pattern.compile("[0-9]{2}0000");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, VerificationKeys> byProvince;

    private TrustList(Map<String, VerificationKeys> byProvince) {
        this.byProvince = Collections.unmodifiableMap(new TreeMap<>(byProvince));
    }

    public static TrustList empty() {
        return new TrustList(Map.of());
    }

    /** Trusts one province with these keys. */
    public static TrustList of(String province, VerificationKeys keys) {
        return empty().with(province, keys);
    }

    /**
     * Reads {@code {"<province>":{"keys":[JWK…]}, …}}. Throws {@link IllegalArgumentException}
     * naming the entry when a key is not a province code or its value is not a JWKS.
     */
    public static TrustList parse(String json) {
        JsonNode document;
        try {
            document = json == null ? null : JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("the trust list is not JSON");
        }
        if (document == null || !document.isObject()) {
            throw new IllegalArgumentException("the trust list is not a JSON object of province → JWKS");
        }
        TrustList list = empty();
        for (Map.Entry<String, JsonNode> entry : document.properties()) {
            String province = entry.getKey();
            if (!PROVINCE.matcher(province).matches()) {
                throw new IllegalArgumentException("trust list entry '" + province + "' is not a province code");
            }
            try {
                list = list.with(province, VerificationKeys.fromJwks(entry.getValue()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("trust list entry " + province + ": " + e.getMessage());
            }
        }
        return list;
    }

    /** This list with {@code province} trusted with exactly {@code keys} (replacing any it had). */
    public TrustList with(String province, VerificationKeys keys) {
        if (province == null || !PROVINCE.matcher(province).matches()) {
            throw new IllegalArgumentException("a trusted issuer is a province code such as 330000");
        }
        Map<String, VerificationKeys> copy = new TreeMap<>(byProvince);
        copy.put(province, keys);
        return new TrustList(copy);
    }

    /** Both lists: every province of either, with the keys of both (for a key id in both, {@code other}'s). */
    public TrustList merge(TrustList other) {
        Map<String, VerificationKeys> copy = new TreeMap<>(byProvince);
        other.byProvince.forEach((province, keys) -> copy.merge(province, keys, VerificationKeys::with));
        return new TrustList(copy);
    }

    /** The keys of a trusted issuer, or null when the issuer is not trusted. */
    public VerificationKeys keysOf(String issuer) {
        return issuer == null ? null : byProvince.get(issuer);
    }

    public Set<String> provinces() {
        return byProvince.keySet();
    }

    /** The list as it is written: province → JWKS, in province order. */
    public Map<String, VerificationKeys.Jwks> toJwks() {
        Map<String, VerificationKeys.Jwks> out = new TreeMap<>();
        byProvince.forEach((province, keys) -> out.put(province, keys.toJwks()));
        return Collections.unmodifiableMap(out);
    }
}
