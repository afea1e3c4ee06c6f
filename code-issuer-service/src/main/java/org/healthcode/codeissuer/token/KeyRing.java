package org.healthcode.codeissuer.token;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.healthcode.kit.code.token.SigningKey;
import org.healthcode.kit.code.token.TrustList;
import org.healthcode.kit.code.token.VerificationKey;
import org.healthcode.kit.code.token.VerificationKeys;

/**
 * This province's keys. One signs new tokens; the others only verify, so that tokens signed
 * before a rotation stay valid until they expire. A revoked key neither signs nor verifies, even
 * while it is still listed.
 */
public final class KeyRing {

    public static final String KEYS = "code-issuer.keys";
    public static final String SIGNING_KID = "code-issuer.signing-kid";
    public static final String REVOKED_KIDS = "code-issuer.revoked-kids";
    public static final String NEXT_SIGNING_KID = "code-issuer.next-signing-kid";
    public static final String SWITCH_AT = "code-issuer.signing-switch-at";

    private static final String ENTRY_SHAPE = "kid:base64(PKCS#8 EC P-256 private key)";

    private final SigningKey signing;
    private final SigningKey next;
    private final Instant switchAt;
    private final VerificationKeys verification;

    private KeyRing(SigningKey signing, SigningKey next, Instant switchAt, VerificationKeys verification) {
        this.signing = signing;
        this.next = next;
        this.switchAt = switchAt;
        this.verification = verification;
    }

    public SigningKey signing() {
        return signing;
    }

    /** The key that signs from {@link #switchAt()} on, or null when no rotation is set ahead. */
    public SigningKey next() {
        return next;
    }

    /** When {@link #next()} takes over, or null. */
    public Instant switchAt() {
        return switchAt;
    }

    /** Every listed key that is not revoked, the signing key included. */
    public VerificationKeys verification() {
        return verification;
    }

    /** The trust list of this service's own verifier: its province, with these keys. */
    public TrustList trustList(String province) {
        return TrustList.of(province, verification);
    }

    public static KeyRing fromConfig(Optional<List<String>> keys, Optional<String> signingKid, Set<String> revokedKids) {
        return fromConfig(keys, signingKid, Optional.empty(), Optional.empty(), revokedKids);
    }

    /** As above, with a rotation set ahead: {@code nextKid} signs from {@code switchAt} on (both or neither). */
    public static KeyRing fromConfig(Optional<List<String>> keys, Optional<String> signingKid, Optional<String> nextKid,
            Optional<Instant> switchAt, Set<String> revokedKids) {
        Map<String, SigningKey> all = parse(keys.filter(list -> !list.isEmpty()).orElseThrow(
                () -> new KeyConfigurationException(KEYS + " is not set (environment CODE_ISSUER_KEYS): expected a comma"
                        + " separated list of " + ENTRY_SHAPE)));
        String kid = signingKid.map(String::strip).filter(s -> !s.isEmpty()).orElseThrow(
                () -> new KeyConfigurationException(SIGNING_KID + " is not set: it names the key of " + KEYS
                        + " that signs new codes"));
        if (!all.containsKey(kid)) {
            throw new KeyConfigurationException(SIGNING_KID + " names no key of " + KEYS);
        }
        if (revokedKids.contains(kid)) {
            throw new KeyConfigurationException(SIGNING_KID + " names a key listed in " + REVOKED_KIDS);
        }
        String next = nextKid.map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if ((next == null) != switchAt.isEmpty()) {
            throw new KeyConfigurationException(NEXT_SIGNING_KID + " and " + SWITCH_AT + " go together: the key that"
                    + " takes over and when");
        }
        if (next != null && !all.containsKey(next)) {
            throw new KeyConfigurationException(NEXT_SIGNING_KID + " names no key of " + KEYS);
        }
        if (next != null && revokedKids.contains(next)) {
            throw new KeyConfigurationException(NEXT_SIGNING_KID + " names a key listed in " + REVOKED_KIDS);
        }
        List<VerificationKey> verifying = all.values().stream()
                .filter(key -> !revokedKids.contains(key.kid()))
                .map(SigningKey::verificationKey)
                .toList();
        return new KeyRing(all.get(kid), next == null ? null : all.get(next), switchAt.orElse(null),
                new VerificationKeys(verifying));
    }

    /** Reads {@code kid:base64(PKCS#8)} entries; a failure names the entry by position only. */
    public static Map<String, SigningKey> parse(List<String> entries) {
        Map<String, SigningKey> keys = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i).strip();
            String position = KEYS + ": entry " + (i + 1);
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new KeyConfigurationException(position + " is not " + ENTRY_SHAPE);
            }
            String kid = entry.substring(0, colon);
            if (!SigningKey.isValidKid(kid)) {
                // Two characters at most: the longest token must stay within 250 characters.
                throw new KeyConfigurationException(position + " has a kid that is not 1 or 2 letters, digits, '-' or '_'");
            }
            if (keys.containsKey(kid)) {
                throw new KeyConfigurationException(position + " repeats a kid");
            }
            keys.put(kid, signingKey(kid, entry.substring(colon + 1), position));
        }
        return keys;
    }

    private static SigningKey signingKey(String kid, String base64, String position) {
        byte[] pkcs8;
        try {
            pkcs8 = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new KeyConfigurationException(position + " is not " + ENTRY_SHAPE);
        }
        try {
            return SigningKey.fromPkcs8(kid, pkcs8);
        } catch (InvalidKeyException e) {
            // The kit's messages are fixed ("not a P-256 key"): they never carry key material.
            throw new KeyConfigurationException(position + " is " + e.getMessage());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyConfigurationException(position + " is not " + ENTRY_SHAPE);
        }
    }
}
