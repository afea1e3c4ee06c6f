package org.healthcode.kit.code.qr;

import org.healthcode.kit.code.Colour;

/**
 * How a code looks, in modules: the symbol in its colour on white, a quiet zone of four modules,
 * and around it a band of two modules that is gold for a gold code and white otherwise, so the
 * image has the same size either way and the frame never touches the quiet zone scanners need.
 * A venue poster is the same drawing in black, never gold: it says nothing about anyone's colour.
 */
public final class CodeArtwork {

    static final int QUIET_ZONE = 4;
    static final int FRAME = 2;
    static final int BORDER = QUIET_ZONE + FRAME;

    /** Palette indexes. */
    static final byte WHITE = 0;
    static final byte INK = 1;
    static final byte GOLD = 2;

    static final int WHITE_RGB = 0xFFFFFF;
    static final int GOLD_RGB = 0xD4AF37;
    static final int BLACK_RGB = 0x000000;

    private final QrMatrix matrix;
    private final int inkRgb;
    private final boolean gold;

    public CodeArtwork(QrMatrix matrix, Colour colour, boolean gold) {
        this(matrix, inkRgb(colour), gold);
    }

    private CodeArtwork(QrMatrix matrix, int inkRgb, boolean gold) {
        this.matrix = matrix;
        this.inkRgb = inkRgb;
        this.gold = gold;
    }

    /** A poster: black ink on white, no gold band. */
    public static CodeArtwork poster(QrMatrix matrix) {
        return new CodeArtwork(matrix, BLACK_RGB, false);
    }

    /**
     * The ink of each colour. Each is dark enough against white for phone scanners (grey levels
     * about 96, 122 and 87 of 255); the yellow is a dark gold rather than a bright yellow for that
     * reason.
     */
    static int inkRgb(Colour colour) {
        return switch (colour) {
            case GREEN -> 0x1B8A3A;
            case YELLOW -> 0xA67C00;
            case RED -> 0xC62828;
        };
    }

    /** Modules per side, border included. */
    public int width() {
        return matrix.size() + 2 * BORDER;
    }

    public int[] paletteRgb() {
        return gold ? new int[] {WHITE_RGB, inkRgb, GOLD_RGB} : new int[] {WHITE_RGB, inkRgb};
    }

    public boolean gold() {
        return gold;
    }

    public int inkRgb() {
        return inkRgb;
    }

    public QrMatrix matrix() {
        return matrix;
    }

    /** The palette index of the module at (x, y) of the whole image. */
    public byte indexAt(int x, int y) {
        int width = width();
        if (x < FRAME || y < FRAME || x >= width - FRAME || y >= width - FRAME) {
            return gold ? GOLD : WHITE;
        }
        int mx = x - BORDER;
        int my = y - BORDER;
        if (mx < 0 || my < 0 || mx >= matrix.size() || my >= matrix.size()) {
            return WHITE;
        }
        return matrix.isDark(mx, my) ? INK : WHITE;
    }
}
