package org.healthcode.kit.code.qr;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.util.Map;

/** The modules of a QR symbol at error-correction level M (15 % of the symbol may be lost). */
public final class QrMatrix {

    private final int size;
    private final int version;
    private final boolean[] dark;

    private QrMatrix(int size, int version, boolean[] dark) {
        this.size = size;
        this.version = version;
        this.dark = dark;
    }

    public static QrMatrix encode(String text) {
        QRCode code;
        try {
            code = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "ISO-8859-1"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit a QR symbol", e);
        }
        ByteMatrix matrix = code.getMatrix();
        int size = matrix.getWidth();
        boolean[] dark = new boolean[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                dark[y * size + x] = matrix.get(x, y) == 1;
            }
        }
        return new QrMatrix(size, code.getVersion().getVersionNumber(), dark);
    }

    /** Modules per side, without quiet zone. */
    public int size() {
        return size;
    }

    /** QR version 1–40; a code token needs at most 11. */
    public int version() {
        return version;
    }

    public boolean isDark(int x, int y) {
        return dark[y * size + x];
    }
}
