package org.healthcode.kit.code.qr;

/**
 * Writes artwork as SVG in module units: a background (gold band and white inside for a gold
 * code) and all dark modules as one path of horizontal runs.
 */
public final class SvgWriter {

    private SvgWriter() {
    }

    /** {@code pixelsPerModule} only sets the default display size; the drawing is vector. */
    public static String write(CodeArtwork art, int pixelsPerModule) {
        int width = art.width();
        int pixels = width * pixelsPerModule;
        StringBuilder svg = new StringBuilder(8 * 1024)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(width)
                .append("\" width=\"").append(pixels).append("\" height=\"").append(pixels)
                .append("\" shape-rendering=\"crispEdges\">");
        if (art.gold()) {
            rect(svg, 0, width, CodeArtwork.GOLD_RGB);
            rect(svg, CodeArtwork.FRAME, width - 2 * CodeArtwork.FRAME, CodeArtwork.WHITE_RGB);
        } else {
            rect(svg, 0, width, CodeArtwork.WHITE_RGB);
        }
        svg.append("<path fill=\"").append(hex(art.inkRgb())).append("\" d=\"");
        QrMatrix matrix = art.matrix();
        for (int y = 0; y < matrix.size(); y++) {
            int x = 0;
            while (x < matrix.size()) {
                if (!matrix.isDark(x, y)) {
                    x++;
                    continue;
                }
                int run = x;
                while (run < matrix.size() && matrix.isDark(run, y)) {
                    run++;
                }
                int length = run - x;
                svg.append('M').append(x + CodeArtwork.BORDER).append(' ').append(y + CodeArtwork.BORDER)
                        .append('h').append(length).append("v1h-").append(length).append('z');
                x = run;
            }
        }
        return svg.append("\"/></svg>").toString();
    }

    private static void rect(StringBuilder svg, int at, int size, int rgb) {
        svg.append("<rect x=\"").append(at).append("\" y=\"").append(at).append("\" width=\"").append(size)
                .append("\" height=\"").append(size).append("\" fill=\"").append(hex(rgb)).append("\"/>");
    }

    static String hex(int rgb) {
        return String.format("#%06X", rgb & 0xFFFFFF);
    }
}
