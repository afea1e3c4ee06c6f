package org.healthcode.kit.code.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.healthcode.kit.code.Colour;
import org.junit.jupiter.api.Test;

/** An independent JOSE library (Nimbus) agrees with the hand-written tokens in both directions. */
class JoseInteropTest {

    private final SigningKey retired = TestKeys.signingKey("k0");
    private final SigningKey signing = TestKeys.signingKey("k1");
    private final String subject = TestKeys.subjectId();

    @Test
    void nimbusVerifiesOurTokensWithThePublishedJwks() throws Exception {
        String jwksJson = new ObjectMapper().writeValueAsString(TestKeys.keysOf(retired, signing).toJwks());
        JWKSet jwks = JWKSet.parse(jwksJson);
        assertEquals(2, jwks.getKeys().size());

        Instant before = Instant.now().minusSeconds(1);
        String token = new TokenIssuer(signing, "330000", Duration.ofSeconds(180), Clock.systemUTC())
                .issue(subject, Colour.GREEN, true).token();
        SignedJWT jwt = SignedJWT.parse(token);
        assertEquals(JWSAlgorithm.ES256, jwt.getHeader().getAlgorithm());
        ECKey key = (ECKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertEquals(Curve.P_256, key.getCurve());
        assertTrue(jwt.verify(new ECDSAVerifier(key)), "Nimbus accepts our R || S signature");
        assertFalse(jwt.verify(new ECDSAVerifier((ECKey) jwks.getKeyByKeyId("k0"))), "and only with the right key");

        assertEquals("330000", jwt.getJWTClaimsSet().getIssuer());
        assertEquals(subject, jwt.getJWTClaimsSet().getSubject());
        assertEquals("G", jwt.getJWTClaimsSet().getStringClaim("c"));
        assertEquals(1, jwt.getJWTClaimsSet().getIntegerClaim("g"));
        assertTrue(jwt.getJWTClaimsSet().getIssueTime().after(Date.from(before)));
        assertTrue(jwt.getJWTClaimsSet().getExpirationTime().after(new Date()));
    }

    @Test
    void ourOfflineVerifierAcceptsATokenNimbusSignedWithKeysFromATrustListOfJwks() throws Exception {
        KeyPair pair = TestKeys.generate("secp256r1");
        ECKey jwk = new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic()).keyID("nb").build();
        long iat = Instant.now().getEpochSecond();
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("nb").build(),
                new Payload("{\"iss\":\"310000\",\"sub\":\"" + subject + "\",\"c\":\"R\",\"iat\":" + iat + ",\"exp\":"
                        + (iat + 60) + "}"));
        jws.sign(new ECDSASigner((ECPrivateKey) pair.getPrivate()));

        TrustList trust = TrustList.parse("{\"310000\":" + new JWKSet(jwk).toString() + "}");
        TokenVerifier verifier = new TokenVerifier(trust, Duration.ofSeconds(30), Clock.systemUTC());
        Verification verification = verifier.verify(jws.serialize());
        assertTrue(verification.valid(), () -> String.valueOf(verification.reason()));
        assertEquals(Colour.RED, verification.claims().colour());
        assertEquals("310000", verification.claims().issuer());
    }

    @Test
    void aJwksKeyThatIsNotAPointOfTheCurveIsRefused() {
        String jwks = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"x\",\"x\":\"AQ\",\"y\":\"AQ\"}]}";
        assertThrows(IllegalArgumentException.class, () -> VerificationKeys.fromJwks(jwks));
        assertThrows(IllegalArgumentException.class, () -> VerificationKeys.fromJwks("{\"keys\":{}}"));
    }
}
