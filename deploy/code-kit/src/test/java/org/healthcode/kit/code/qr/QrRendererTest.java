package org.healthcode.kit.code.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boofcv.alg.fiducial.qrcode.QrCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.code.token.MutableClock;
import org.healthcode.kit.code.token.TestKeys;
import org.healthcode.kit.code.token.TokenIssuer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class QrRendererTest {

    private static final TokenIssuer ISSUER = new TokenIssuer(TestKeys.signingKey("ab"), "330000",
            Duration.ofSeconds(180), new MutableClock(Instant.now()));
    /** The longest token there is (250 characters): 2-character kid, gold, 10-digit times. */
    private static final String WORST_CASE = ISSUER.sign(TestKeys.subjectId(), Colour.GREEN, true, 9_999_999_819L,
            9_999_999_999L);

    private final QrRenderer renderer = new QrRenderer(QrRenderer.DEFAULT_SCALE);

    @Test
    void theLongestTokenNeedsAtMostAVersion11SymbolAtLevelM() {
        assertEquals(250, WORST_CASE.length());
        assertTrue(QrMatrix.encode(WORST_CASE).version() <= 11, "version " + QrMatrix.encode(WORST_CASE).version());
    }

    @Test
    void aPosterIsBlackOnWhiteWithoutGoldAndReadsBackExactly() throws Exception {
        String text = "HCV1.0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b.q3Vb0mXkT2yWJ8sLr5nA1w";
        byte[] png = renderer.poster(text);
        List<QrCode> found = IndependentQrReader.read(png);
        assertEquals(1, found.size());
        assertEquals(text, found.get(0).message);

        BufferedImage poster = ImageIO.read(new ByteArrayInputStream(png));
        int scale = QrRenderer.DEFAULT_SCALE;
        int finder = CodeArtwork.BORDER * scale + scale / 2;
        assertEquals(0x000000, poster.getRGB(finder, finder) & 0xFFFFFF, "black ink");
        assertEquals(0xFFFFFF, poster.getRGB(1, 1) & 0xFFFFFF, "never a gold frame");
        assertEquals((QrMatrix.encode(text).size() + 2 * CodeArtwork.BORDER) * scale, poster.getWidth());
    }

    @Test
    void anIndependentReaderDecodesExactlyTheTokenFromThePngInEveryColour() throws Exception {
        for (Colour colour : Colour.values()) {
            for (boolean gold : new boolean[] {false, true}) {
                String token = ISSUER.sign(TestKeys.subjectId(), colour, gold, 9_999_999_819L, 9_999_999_999L);
                List<QrCode> found = IndependentQrReader.read(renderer.png(token, colour, gold));
                assertEquals(1, found.size(), colour + (gold ? " gold" : ""));
                assertEquals(token, found.get(0).message, colour + (gold ? " gold" : ""));
                assertTrue(found.get(0).version <= 11);
            }
        }
    }

    @Test
    void thePngIsIndexedColourInTheCodesColourWithAGoldFrameOnlyWhenGold() throws Exception {
        QrMatrix matrix = QrMatrix.encode(WORST_CASE);
        int scale = QrRenderer.DEFAULT_SCALE;
        BufferedImage gold = ImageIO.read(new ByteArrayInputStream(renderer.png(WORST_CASE, Colour.GREEN, true)));
        BufferedImage red = ImageIO.read(new ByteArrayInputStream(renderer.png(WORST_CASE, Colour.RED, false)));
        int side = (matrix.size() + 2 * CodeArtwork.BORDER) * scale;
        assertEquals(side, gold.getWidth());
        assertEquals(side, gold.getHeight());
        assertEquals(BufferedImage.TYPE_BYTE_BINARY, red.getType(), "2-bit palette image");

        // The top-left finder pattern's corner module is dark.
        int finder = CodeArtwork.BORDER * scale + scale / 2;
        assertEquals(0x1B8A3A, gold.getRGB(finder, finder) & 0xFFFFFF);
        assertEquals(0xC62828, red.getRGB(finder, finder) & 0xFFFFFF);
        assertEquals(0xD4AF37, gold.getRGB(1, 1) & 0xFFFFFF, "gold frame");
        assertEquals(0xFFFFFF, red.getRGB(1, 1) & 0xFFFFFF, "no frame unless gold");
        int quiet = CodeArtwork.FRAME * scale + scale / 2;
        assertEquals(0xFFFFFF, gold.getRGB(quiet, quiet) & 0xFFFFFF, "the quiet zone stays white");
        assertTrue(renderer.png(WORST_CASE, Colour.RED, false).length < 8 * 1024, "a few kilobytes");
    }

    @Test
    void theSvgIsOnePathWhoseRunsAreExactlyTheDarkModules() throws Exception {
        String svg = renderer.svg(WORST_CASE, Colour.YELLOW, true);
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes()));
        assertEquals(1, document.getElementsByTagName("path").getLength());
        assertEquals("#A67C00", document.getElementsByTagName("path").item(0).getAttributes().getNamedItem("fill").getNodeValue());
        assertTrue(svg.contains("fill=\"#D4AF37\""), "gold frame");
        assertTrue(!renderer.svg(WORST_CASE, Colour.YELLOW, false).contains("#D4AF37"));

        QrMatrix matrix = QrMatrix.encode(WORST_CASE);
        boolean[][] drawn = new boolean[matrix.size()][matrix.size()];
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z")
                .matcher(document.getElementsByTagName("path").item(0).getAttributes().getNamedItem("d").getNodeValue());
        while (run.find()) {
            int x = Integer.parseInt(run.group(1)) - CodeArtwork.BORDER;
            int y = Integer.parseInt(run.group(2)) - CodeArtwork.BORDER;
            for (int i = 0; i < Integer.parseInt(run.group(3)); i++) {
                drawn[y][x + i] = true;
            }
        }
        for (int y = 0; y < matrix.size(); y++) {
            for (int x = 0; x < matrix.size(); x++) {
                assertEquals(matrix.isDark(x, y), drawn[y][x], "module " + x + "," + y);
            }
        }
    }
}
