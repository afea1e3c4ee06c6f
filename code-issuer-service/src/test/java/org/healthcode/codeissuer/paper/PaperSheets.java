package org.healthcode.codeissuer.paper;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.healthcode.codeissuer.qr.IndependentQrReader;

/** Reads a paper code back as a person and a scanner would: its printed text, and its QR from the rendered page. */
public final class PaperSheets {

    private PaperSheets() {
    }

    public static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    public static float[] size(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new float[] {document.getPage(0).getMediaBox().getWidth(),
                document.getPage(0).getMediaBox().getHeight()};
        }
    }

    public static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The QR's content, decoded from the page rendered at 200 dpi by a reader that is not zxing. */
    public static String qr(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 200);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(page, "png", png);
            List<boofcv.alg.fiducial.qrcode.QrCode> found = IndependentQrReader.read(png.toByteArray());
            if (found.size() != 1) {
                throw new AssertionError("expected one QR on the page, found " + found.size());
            }
            return found.get(0).message;
        }
    }
}
