package org.healthcode.kit.code.token;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;

/**
 * ECDSA on P-256 with SHA-256 (JWS "ES256") through BouncyCastle. One provider instance, made and
 * registered once; every {@link Signature} is made from that instance, so no call looks a provider
 * up by name.
 */
final class Es256 {

    static final String JWS_ALGORITHM = "ES256";
    static final ECNamedCurveParameterSpec P256 = ECNamedCurveTable.getParameterSpec("P-256");
    /** Coordinate and half-signature size in bytes. */
    static final int FIELD_BYTES = 32;

    private static final Provider PROVIDER = bouncyCastle();
    // Deterministic nonces (RFC 6979): a signature never depends on the quality of a random source.
    private static final String SIGN = "SHA256withECDDSA";
    private static final String VERIFY = "SHA256withECDSA";

    private Es256() {
    }

    static Provider provider() {
        return PROVIDER;
    }

    static Signature signer(PrivateKey key) {
        try {
            Signature signature = Signature.getInstance(SIGN, PROVIDER);
            signature.initSign(key);
            return signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ES256 signing unavailable", e);
        }
    }

    static Signature verifier(PublicKey key) {
        try {
            Signature signature = Signature.getInstance(VERIFY, PROVIDER);
            signature.initVerify(key);
            return signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ES256 verification unavailable", e);
        }
    }

    static KeyFactory keyFactory() {
        try {
            return KeyFactory.getInstance("EC", PROVIDER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC keys unavailable", e);
        }
    }

    /** The public key of the point (x, y); refuses a point that is not on P-256. */
    static ECPublicKey publicKey(BigInteger x, BigInteger y) throws GeneralSecurityException {
        try {
            var point = P256.getCurve().validatePoint(x, y);
            return (ECPublicKey) keyFactory().generatePublic(new ECPublicKeySpec(point, P256));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("not a point of P-256");
        }
    }

    /** A coordinate as the fixed-size big-endian octets JOSE uses. */
    static byte[] octets(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[FIELD_BYTES];
        int copy = Math.min(bytes.length, FIELD_BYTES);
        System.arraycopy(bytes, bytes.length - copy, out, FIELD_BYTES - copy, copy);
        return out;
    }

    /**
     * Our own instance, always: a BC provider someone else registered may come from another class
     * loader (tests, dev mode), and its keys would not be the classes this code knows. It is
     * registered for the JVM only when no BC provider is there yet.
     */
    private static Provider bouncyCastle() {
        Provider provider = new BouncyCastleProvider();
        synchronized (Security.class) {
            if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
                Security.addProvider(provider);
            }
        }
        return provider;
    }
}
