package org.healthcode.kit.code.qr;

import org.healthcode.kit.code.Colour;

/**
 * Draws a code token as a QR code in the holder's colour, as PNG or SVG, and a venue's poster
 * code in black. Plain Java, thread-safe.
 */
public final class QrRenderer {

    /** Pixels per module: a version-11 code (61 modules + border) is 438 px wide. */
    public static final int DEFAULT_SCALE = 6;

    private final int scale;

    public QrRenderer(int scale) {
        if (scale < 1 || scale > 32) {
            throw new IllegalArgumentException("scale must be 1 to 32 pixels per module");
        }
        this.scale = scale;
    }

    public byte[] png(String token, Colour colour, boolean gold) {
        return PngWriter.write(new CodeArtwork(QrMatrix.encode(token), colour, gold), scale);
    }

    public String svg(String token, Colour colour, boolean gold) {
        return SvgWriter.write(new CodeArtwork(QrMatrix.encode(token), colour, gold), scale);
    }

    /** A poster's QR as PNG: black ink on white, no gold (a venue has no colour). */
    public byte[] poster(String text) {
        return PngWriter.write(CodeArtwork.poster(QrMatrix.encode(text)), scale);
    }
}
