package org.healthcode.kit.code.token;

/**
 * JCA speaks ECDSA signatures as DER {@code SEQUENCE {INTEGER r, INTEGER s}}; JWS (RFC 7518 §3.4)
 * as the fixed-size concatenation R || S. Converts between the two.
 */
final class EcdsaSignatureFormat {

    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;

    private EcdsaSignatureFormat() {
    }

    /** DER → R || S of {@code 2 * half} bytes. */
    static byte[] toRaw(byte[] der, int half) {
        if (der.length < 8 || (der[0] & 0xff) != SEQUENCE) {
            throw new IllegalArgumentException("not a DER ECDSA signature");
        }
        int offset = 1;
        int length = der[offset++] & 0xff;
        if (length == 0x81) {
            length = der[offset++] & 0xff;
        } else if (length > 0x7f) {
            throw new IllegalArgumentException("not a DER ECDSA signature");
        }
        if (offset + length != der.length) {
            throw new IllegalArgumentException("not a DER ECDSA signature");
        }
        byte[] raw = new byte[2 * half];
        offset = copyInteger(der, offset, raw, 0, half);
        offset = copyInteger(der, offset, raw, half, half);
        if (offset != der.length) {
            throw new IllegalArgumentException("not a DER ECDSA signature");
        }
        return raw;
    }

    /** R || S → DER; both halves taken as unsigned big-endian integers. */
    static byte[] toDer(byte[] raw) {
        if (raw.length == 0 || raw.length % 2 != 0 || raw.length > 2 * 60) {
            throw new IllegalArgumentException("not an R || S signature");
        }
        int half = raw.length / 2;
        int rStart = firstSignificant(raw, 0, half);
        int sStart = firstSignificant(raw, half, raw.length);
        int rLength = integerLength(raw, rStart, half);
        int sLength = integerLength(raw, sStart, raw.length);
        int body = 2 + rLength + 2 + sLength;
        byte[] der = new byte[2 + body];
        int offset = 0;
        der[offset++] = SEQUENCE;
        der[offset++] = (byte) body;
        offset = writeInteger(raw, rStart, half, rLength, der, offset);
        writeInteger(raw, sStart, raw.length, sLength, der, offset);
        return der;
    }

    private static int copyInteger(byte[] der, int offset, byte[] raw, int to, int half) {
        if (offset + 2 > der.length || (der[offset] & 0xff) != INTEGER) {
            throw new IllegalArgumentException("not a DER ECDSA signature");
        }
        int length = der[offset + 1] & 0xff;
        int start = offset + 2;
        if (length == 0 || length > 0x7f || start + length > der.length) {
            throw new IllegalArgumentException("not a DER ECDSA signature");
        }
        int value = start;
        int valueLength = length;
        while (valueLength > 1 && der[value] == 0) {
            value++;
            valueLength--;
        }
        if (valueLength > half) {
            throw new IllegalArgumentException("ECDSA integer too long");
        }
        System.arraycopy(der, value, raw, to + half - valueLength, valueLength);
        return start + length;
    }

    private static int firstSignificant(byte[] raw, int from, int to) {
        int i = from;
        while (i < to - 1 && raw[i] == 0) {
            i++;
        }
        return i;
    }

    /** DER INTEGERs are signed: a leading byte with its high bit set needs a 0x00 in front. */
    private static int integerLength(byte[] raw, int start, int end) {
        return end - start + ((raw[start] & 0x80) != 0 ? 1 : 0);
    }

    private static int writeInteger(byte[] raw, int start, int end, int length, byte[] der, int offset) {
        der[offset++] = INTEGER;
        der[offset++] = (byte) length;
        if (length > end - start) {
            der[offset++] = 0;
        }
        System.arraycopy(raw, start, der, offset, end - start);
        return offset + end - start;
    }
}
