package org.healthcode.kit.code.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.healthcode.kit.code.Colour;
import org.junit.jupiter.api.Test;

class TrustListTest {

    private final ObjectMapper json = new ObjectMapper();
    private final SigningKey zhejiang = TestKeys.signingKey("k1");
    private final SigningKey shanghai = TestKeys.signingKey("s1");

    @Test
    void readsProvincesAndTheirJwksAndWritesTheSameShapeBack() throws Exception {
        TrustList written = TrustList.of("330000", TestKeys.keysOf(zhejiang)).with("310000", TestKeys.keysOf(shanghai));
        String document = json.writeValueAsString(written.toJwks());
        assertTrue(document.startsWith("{\"310000\":{\"keys\":[{\"kty\":\"EC\""), document);

        TrustList read = TrustList.parse(document);
        assertEquals(Set.of("310000", "330000"), read.provinces());
        assertEquals(document, json.writeValueAsString(read.toJwks()), "round trip");

        String token = new TokenIssuer(shanghai, "310000", Duration.ofMinutes(3), Clock.systemUTC())
                .issue(TestKeys.subjectId(), Colour.GREEN, false).token();
        assertTrue(new TokenVerifier(read, Duration.ofSeconds(30), Clock.systemUTC()).verify(token).valid());
        assertNull(read.keysOf("440000"));
        assertNull(read.keysOf(null));
    }

    @Test
    void mergingKeepsEveryProvinceAndJoinsTheKeysOfAProvinceInBoth() {
        SigningKey next = TestKeys.signingKey("k2");
        TrustList inline = TrustList.of("330000", TestKeys.keysOf(zhejiang));
        TrustList fetched = TrustList.of("330000", TestKeys.keysOf(next)).with("310000", TestKeys.keysOf(shanghai));
        TrustList merged = inline.merge(fetched);
        assertEquals(Set.of("310000", "330000"), merged.provinces());
        assertEquals(List.of("k1", "k2"), merged.keysOf("330000").keys().stream().map(VerificationKey::kid).toList());
        assertEquals(Set.of("330000"), inline.provinces(), "immutable");
    }

    @Test
    void refusesWhatIsNotAListOfProvincesAndTheirJwks() {
        String jwks = "{\"keys\":[]}";
        for (String bad : new String[] {null, "not json", "[]", "{\"33\":" + jwks + "}", "{\"330106\":" + jwks + "}",
                "{\"330000\":{\"keys\":{}}}", "{\"330000\":[]}",
                "{\"330000\":{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"x\",\"x\":\"AQ\",\"y\":\"AQ\"}]}}"}) {
            assertThrows(IllegalArgumentException.class, () -> TrustList.parse(bad), String.valueOf(bad));
        }
        assertEquals(Set.of(), TrustList.parse("{}").provinces());
        assertEquals(0, TrustList.parse("{\"330000\":" + jwks + "}").keysOf("330000").keys().size(),
                "a province with no keys is listed, and verifies nothing");
        assertThrows(IllegalArgumentException.class, () -> TrustList.of("3300", TestKeys.keysOf(zhejiang)));
    }
}
