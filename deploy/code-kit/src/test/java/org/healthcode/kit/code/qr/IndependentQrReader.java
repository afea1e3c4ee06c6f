package org.healthcode.kit.code.qr;

import boofcv.abst.fiducial.QrCodeDetector;
import boofcv.alg.fiducial.qrcode.QrCode;
import boofcv.factory.fiducial.FactoryFiducial;
import boofcv.io.image.ConvertBufferedImage;
import boofcv.struct.image.GrayU8;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Reads QR codes from a PNG with BoofCV, a reader that shares no code with zxing (which draws
 * them), through the JDK's own PNG decoder (which shares none with our PNG writer).
 */
public final class IndependentQrReader {

    private IndependentQrReader() {
    }

    public static List<QrCode> read(byte[] png) {
        try {
            GrayU8 gray = ConvertBufferedImage.convertFrom(ImageIO.read(new ByteArrayInputStream(png)), (GrayU8) null);
            QrCodeDetector<GrayU8> detector = FactoryFiducial.qrcode(null, GrayU8.class);
            detector.process(gray);
            return detector.getDetections();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
