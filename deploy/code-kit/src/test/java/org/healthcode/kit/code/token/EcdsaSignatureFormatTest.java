package org.healthcode.kit.code.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.Signature;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EcdsaSignatureFormatTest {

    @Test
    void derSignaturesOfTheJdkSurviveTheRoundTripThroughRawAndStillVerify() throws Exception {
        KeyPair pair = TestKeys.generate("secp256r1");
        byte[] message = "signing input".getBytes();
        for (int i = 0; i < 200; i++) {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(pair.getPrivate());
            signer.update(message);
            byte[] der = signer.sign();
            byte[] raw = EcdsaSignatureFormat.toRaw(der, 32);
            assertEquals(64, raw.length);
            assertArrayEquals(der, EcdsaSignatureFormat.toDer(raw), "canonical DER comes back");
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(pair.getPublic());
            verifier.update(message);
            assertEquals(true, verifier.verify(EcdsaSignatureFormat.toDer(raw)));
        }
    }

    @Test
    void integersWithTheHighBitSetGetAZeroByteAndShortIntegersArePaddedInRaw() {
        byte[] raw = new byte[64];
        raw[0] = (byte) 0x80;        // r = 0x80 00..00: DER needs 0x00 in front
        raw[63] = 0x05;              // s = 5: a one-byte DER integer
        byte[] der = EcdsaSignatureFormat.toDer(raw);
        assertEquals("3026" + "0221" + "0080" + "00".repeat(31) + "020105", HexFormat.of().formatHex(der));
        assertArrayEquals(raw, EcdsaSignatureFormat.toRaw(der, 32));
    }

    @Test
    void refusesWhatIsNotADerSignature() {
        assertThrows(IllegalArgumentException.class, () -> EcdsaSignatureFormat.toRaw(new byte[70], 32));
        assertThrows(IllegalArgumentException.class,
                () -> EcdsaSignatureFormat.toRaw(HexFormat.of().parseHex("3006020101020101ff"), 32));
        byte[] tooLong = HexFormat.of().parseHex("3027" + "0222" + "01".repeat(34) + "020101");
        assertThrows(IllegalArgumentException.class, () -> EcdsaSignatureFormat.toRaw(tooLong, 32));
        assertThrows(IllegalArgumentException.class, () -> EcdsaSignatureFormat.toDer(new byte[63]));
    }
}
