package org.healthcode.codeissuer.token;

import java.security.PrivateKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;

/** A private key with its key id; signs JWS input as R || S. */
public final class SigningKey {

    private final String kid;
    private final ECPublicKey publicKey;
    // A Signature is not thread-safe; one per thread, initialised once, reused for every token.
    private final ThreadLocal<Signature> signer;

    SigningKey(String kid, PrivateKey privateKey, ECPublicKey publicKey) {
        this.kid = kid;
        this.publicKey = publicKey;
        this.signer = ThreadLocal.withInitial(() -> Es256.signer(privateKey));
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
