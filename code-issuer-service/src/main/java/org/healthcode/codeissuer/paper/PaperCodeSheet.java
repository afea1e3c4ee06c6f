package org.healthcode.codeissuer.paper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.healthcode.kit.code.qr.QrMatrix;

/**
 * The printable paper code: one A6 page with the QR (black on white, drawn as vector squares so any
 * printer keeps it sharp), the reference number, the issue date and "valid until", and the line
 * saying the colour is checked at the checkpoint. Nothing on it shows a colour, a name or a document
 * number: the reference identifies the print, the QR the holder's pseudonym. The text is English
 * and digits in a standard PDF font: a Chinese line would need a CJK font embedded, and none is
 * available offline to every build. Plain Java.
 */
public final class PaperCodeSheet {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final int QUIET_ZONE = 4;
    private static final float MARGIN = 18;

    private final ZoneId zone;

    public PaperCodeSheet(ZoneId zone) {
        this.zone = zone;
    }

    /** The PDF of one paper code. */
    public byte[] pdf(String token, String paperId, Instant issuedAt, Instant validUntil) {
        QrMatrix qr = QrMatrix.encode(token);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("Health code - paper code " + reference(paperId));
            document.setDocumentInformation(info);
            PDPage page = new PDPage(PDRectangle.A6);
            document.addPage(page);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            float width = page.getMediaBox().getWidth();
            float height = page.getMediaBox().getHeight();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                float y = height - MARGIN - 12;
                centred(content, bold, 13, "Health code - paper code", width, y);
                // The QR, with its quiet zone, as wide as the page allows.
                int modules = qr.size() + 2 * QUIET_ZONE;
                float side = width - 2 * MARGIN;
                float module = side / modules;
                float left = MARGIN;
                float top = y - 10;
                content.setNonStrokingColor(0f);
                for (int row = 0; row < qr.size(); row++) {
                    for (int col = 0; col < qr.size(); col++) {
                        if (qr.isDark(col, row)) {
                            content.addRect(left + (col + QUIET_ZONE) * module,
                                    top - (row + QUIET_ZONE + 1) * module, module, module);
                        }
                    }
                }
                content.fill();
                y = top - side - 14;
                centred(content, bold, 12, "Ref. " + reference(paperId), width, y);
                y -= 16;
                centred(content, regular, 9, "Issued " + DATE.format(issuedAt.atZone(zone))
                        + "    Valid until " + DATE.format(validUntil.atZone(zone)), width, y);
                y -= 14;
                centred(content, regular, 8, "The colour is checked at the checkpoint when this code is scanned.",
                        width, y);
                y -= 11;
                centred(content, regular, 8, "Printing a new paper code cancels this one.", width, y);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("paper code not drawn", e);
        }
    }

    /** The reference as printed: 12 digits in groups of four. */
    public static String reference(String paperId) {
        return paperId.substring(0, 4) + " " + paperId.substring(4, 8) + " " + paperId.substring(8);
    }

    private static void centred(PDPageContentStream content, PDType1Font font, float size, String text, float width,
            float y) throws IOException {
        float textWidth = font.getStringWidth(text) / 1000 * size;
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset((width - textWidth) / 2, y);
        content.showText(text);
        content.endText();
    }
}
