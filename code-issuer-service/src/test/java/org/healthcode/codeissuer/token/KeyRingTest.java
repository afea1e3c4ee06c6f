package org.healthcode.codeissuer.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.healthcode.kit.code.token.VerificationKey;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    @Test
    void theSigningKeySignsAndEveryListedKeyThatIsNotRevokedVerifies() {
        String old = TestKeys.entry("k0");
        String now = TestKeys.entry("k1");
        String bad = TestKeys.entry("kx");
        KeyRing ring = KeyRing.fromConfig(Optional.of(List.of(old, now, bad)), Optional.of("k1"), Set.of("kx"));

        assertEquals("k1", ring.signing().kid());
        assertNotNull(ring.verification().find("k0"), "a retired key still verifies (rotation overlap)");
        assertNotNull(ring.verification().find("k1"));
        assertNull(ring.verification().find("kx"), "a revoked key verifies nothing, though listed");
        assertEquals(List.of("k0", "k1"), ring.verification().toJwks().keys().stream().map(VerificationKey.Jwk::kid).toList());
        assertEquals(java.util.Set.of("330000"), ring.trustList("330000").provinces());
        assertNotNull(ring.trustList("330000").keysOf("330000").find("k0"));
    }

    @Test
    void missingSettingsStopTheStartNamingTheSetting() {
        assertMessage("code-issuer.keys is not set", () -> KeyRing.fromConfig(Optional.empty(), Optional.of("a"), Set.of()));
        String entry = TestKeys.entry("a");
        assertMessage("code-issuer.signing-kid is not set",
                () -> KeyRing.fromConfig(Optional.of(List.of(entry)), Optional.empty(), Set.of()));
        assertMessage("code-issuer.signing-kid names no key",
                () -> KeyRing.fromConfig(Optional.of(List.of(entry)), Optional.of("b"), Set.of()));
        assertMessage("code-issuer.signing-kid names a key listed in code-issuer.revoked-kids",
                () -> KeyRing.fromConfig(Optional.of(List.of(entry)), Optional.of("a"), Set.of("a")));
    }

    @Test
    void aRotationSetAheadNamesAListedKeyAndItsTime() {
        String a = TestKeys.entry("a");
        String b = TestKeys.entry("b");
        java.time.Instant at = java.time.Instant.parse("2026-12-06T12:00:00Z");
        KeyRing ring = KeyRing.fromConfig(Optional.of(List.of(a, b)), Optional.of("a"), Optional.of("b"), Optional.of(at),
                Set.of());
        assertEquals("a", ring.signing().kid());
        assertEquals("b", ring.next().kid());
        assertEquals(at, ring.switchAt());
        assertMessage("code-issuer.next-signing-kid and code-issuer.signing-switch-at go together",
                () -> KeyRing.fromConfig(Optional.of(List.of(a, b)), Optional.of("a"), Optional.of("b"), Optional.empty(),
                        Set.of()));
        assertMessage("code-issuer.next-signing-kid names no key",
                () -> KeyRing.fromConfig(Optional.of(List.of(a)), Optional.of("a"), Optional.of("c"), Optional.of(at),
                        Set.of()));
        assertMessage("code-issuer.next-signing-kid names a key listed in code-issuer.revoked-kids",
                () -> KeyRing.fromConfig(Optional.of(List.of(a, b)), Optional.of("a"), Optional.of("b"), Optional.of(at),
                        Set.of("b")));
    }

    @Test
    void unusableKeysStopTheStartWithoutEverShowingTheKey() throws Exception {
        var rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String rsaKey = Base64.getEncoder().encodeToString(rsa.generateKeyPair().getPrivate().getEncoded());
        String p384 = TestKeys.entry("p3", TestKeys.generate("secp384r1"));
        String good = TestKeys.entry("ok");
        String goodKey = good.substring(3);

        assertSecret("entry 1 is not kid:base64", "no-colon-" + goodKey, goodKey);
        assertSecret("entry 1 is not kid:base64", "a:" + rsaKey, rsaKey);
        assertSecret("entry 1 is not kid:base64", "a:not base64!", "not base64");
        assertSecret("entry 1 is not kid:base64", "a:" + goodKey.substring(0, 40), goodKey.substring(0, 40));
        assertSecret("entry 1 is not a P-256 key", p384, p384.substring(3));
        assertSecret("entry 1 has a kid that is not 1 or 2", "toolong:" + goodKey, goodKey);
        assertSecret("entry 1 has a kid that is not 1 or 2", "abc:" + goodKey, goodKey);
        assertSecret("entry 1 has a kid that is not 1 or 2", ":" + goodKey, goodKey);
        RuntimeException repeated = assertThrows(KeyConfigurationException.class,
                () -> KeyRing.parse(List.of(good, good)));
        assertTrue(repeated.getMessage().startsWith("code-issuer.keys: entry 2 repeats a kid"), repeated.getMessage());
    }

    private static void assertSecret(String expected, String entry, String secret) {
        RuntimeException e = assertThrows(KeyConfigurationException.class, () -> KeyRing.parse(List.of(entry)));
        assertTrue(e.getMessage().startsWith("code-issuer.keys: " + expected), e.getMessage());
        assertFalse(e.getMessage().contains(secret), "the message never carries the key");
        assertNull(e.getCause(), "no cause that could carry key material");
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable start) {
        RuntimeException e = assertThrows(KeyConfigurationException.class, start);
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }
}
