package org.healthcode.kit.code.token;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.regex.Pattern;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.spec.ECPublicKeySpec;

/** A private key with its key id; signs JWS input as R || S. */
public final class SigningKey {

    /**
     * A key id is 1 or 2 of {@code A-Z a-z 0-9 - _}: JSON-safe as it is, and short enough that the
     * longest token stays within 250 characters.
     */
    public static final Pattern KID = Pattern.compile("[A-Za-z0-9_-]{1,2}");

    static final Pattern ANCHOR_KID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final String kid;
    private final ECPublicKey publicKey;
    // A Signature is not thread-safe; one per thread, initialised once, reused for every token.
    private final ThreadLocal<Signature> signer;

    private SigningKey(String kid, PrivateKey privateKey, ECPublicKey publicKey) {
        this.kid = kid;
        this.publicKey = publicKey;
        this.signer = ThreadLocal.withInitial(() -> Es256.signer(privateKey));
    }

    public static boolean isValidKid(String kid) {
        return kid != null && KID.matcher(kid).matches();
    }

    /**
     * The key of a PKCS#8-encoded EC P-256 private key. Throws {@link InvalidKeySpecException} when
     * the bytes are not a PKCS#8 EC private key, {@link InvalidKeyException} when the key is not a
     * usable P-256 key; neither carries key material (no cause, a fixed message).
     *
     * @throws IllegalArgumentException for a kid that is not 1 or 2 of {@code A-Z a-z 0-9 - _}
     */
    public static SigningKey fromPkcs8(String kid, byte[] pkcs8) throws GeneralSecurityException {
        if (!isValidKid(kid)) {
            throw new IllegalArgumentException("a kid is 1 or 2 letters, digits, '-' or '_'");
        }
        return load(kid, pkcs8);
    }

    /**
     * The national trust anchor's key, which signs trust lists rather than codes: its kid may be up
     * to 64 of {@code A-Z a-z 0-9 - _ .}. Otherwise as {@link #fromPkcs8(String, byte[])}.
     */
    public static SigningKey anchorFromPkcs8(String kid, byte[] pkcs8) throws GeneralSecurityException {
        if (kid == null || !ANCHOR_KID.matcher(kid).matches()) {
            throw new IllegalArgumentException("an anchor kid is 1 to 64 letters, digits, '-', '_' or '.'");
        }
        return load(kid, pkcs8);
    }

    /**
     * A province's federation key (signs {@link FederationMessage}s to other provinces), given as
     * {@code kid:base64(PKCS#8 EC P-256 private key)} like the code keys; its kid may be up to 64
     * of {@code A-Z a-z 0-9 - _ .}. Throws {@link IllegalArgumentException} with a fixed message
     * (never key material) when the entry is not one.
     */
    public static SigningKey federationKey(String entry) {
        String text = entry == null ? "" : entry.strip();
        int colon = text.indexOf(':');
        String kid = colon < 0 ? null : text.substring(0, colon);
        if (kid == null || !ANCHOR_KID.matcher(kid).matches()) {
            throw new IllegalArgumentException("not kid:base64(PKCS#8 EC P-256 private key), the kid 1 to 64 letters,"
                    + " digits, '-', '_' or '.'");
        }
        byte[] pkcs8;
        try {
            pkcs8 = java.util.Base64.getDecoder().decode(text.substring(colon + 1).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key after the kid is not base64");
        }
        try {
            return load(kid, pkcs8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the key is " + e.getMessage());
        }
    }

    /** A new P-256 private key, PKCS#8-encoded: what an operator stores in a secret store. */
    public static byte[] generatePkcs8() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Es256.provider());
            generator.initialize(new ECGenParameterSpec("P-256"), new SecureRandom());
            return generator.generateKeyPair().getPrivate().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 key generation unavailable", e);
        }
    }

    private static SigningKey load(String kid, byte[] pkcs8) throws GeneralSecurityException {
        var factory = Es256.keyFactory();
        PrivateKey decoded;
        try {
            decoded = factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidKeySpecException("not a PKCS#8 EC private key");
        }
        if (!(decoded instanceof ECPrivateKey key)) {
            throw new InvalidKeySpecException("not a PKCS#8 EC private key");
        }
        if (key.getParameters() == null
                || !key.getParameters().getCurve().equals(Es256.P256.getCurve())
                || !key.getParameters().getG().equals(Es256.P256.getG())) {
            throw new InvalidKeyException("not a P-256 key");
        }
        BigInteger d = key.getD();
        if (d.signum() <= 0 || d.compareTo(Es256.P256.getN()) >= 0) {
            throw new InvalidKeyException("not a valid P-256 private key");
        }
        var point = Es256.P256.getG().multiply(d).normalize();
        ECPublicKey publicKey = (ECPublicKey) factory.generatePublic(new ECPublicKeySpec(point, Es256.P256));
        return new SigningKey(kid, key, publicKey);
    }

    public String kid() {
        return kid;
    }

    public VerificationKey verificationKey() {
        return new VerificationKey(kid, publicKey);
    }

    byte[] sign(byte[] signingInput) {
        Signature signature = signer.get();
        try {
            signature.update(signingInput);
            return EcdsaSignatureFormat.toRaw(signature.sign(), Es256.FIELD_BYTES);
        } catch (SignatureException e) {
            signer.remove();
            throw new IllegalStateException("signing failed", e);
        }
    }
}
