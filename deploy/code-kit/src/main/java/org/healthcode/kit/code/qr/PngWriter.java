package org.healthcode.kit.code.qr;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes artwork as an indexed-colour PNG (colour type 3, 2 bits per pixel): a palette of up to
 * four colours and one deflated image stream. Far cheaper than going through a BufferedImage.
 */
public final class PngWriter {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int BIT_DEPTH = 2;
    private static final int INDEXED_COLOUR = 3;

    private PngWriter() {
    }

    /** Each module becomes {@code scale} × {@code scale} pixels. */
    public static byte[] write(CodeArtwork art, int scale) {
        int modules = art.width();
        int pixels = modules * scale;
        int rowBytes = (pixels * BIT_DEPTH + 7) / 8;
        ByteArrayOutputStream png = new ByteArrayOutputStream(8 * 1024);
        png.writeBytes(SIGNATURE);
        chunk(png, "IHDR", header(pixels));
        chunk(png, "PLTE", palette(art.paletteRgb()));
        chunk(png, "IDAT", deflate(art, modules, scale, rowBytes));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static byte[] header(int pixels) {
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, pixels);
        putInt(ihdr, 4, pixels);
        ihdr[8] = BIT_DEPTH;
        ihdr[9] = INDEXED_COLOUR;
        // compression 0 (deflate), filter method 0, no interlace
        return ihdr;
    }

    private static byte[] palette(int[] rgb) {
        byte[] plte = new byte[rgb.length * 3];
        for (int i = 0; i < rgb.length; i++) {
            plte[3 * i] = (byte) (rgb[i] >> 16);
            plte[3 * i + 1] = (byte) (rgb[i] >> 8);
            plte[3 * i + 2] = (byte) rgb[i];
        }
        return plte;
    }

    private static byte[] deflate(CodeArtwork art, int modules, int scale, int rowBytes) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
            byte[] buffer = new byte[8 * 1024];
            // Every pixel row of a module row is the same: build it once (filter byte 0 = none).
            byte[] row = new byte[1 + rowBytes];
            for (int my = 0; my < modules; my++) {
                Arrays.fill(row, (byte) 0);
                for (int mx = 0; mx < modules; mx++) {
                    int index = art.indexAt(mx, my);
                    for (int px = mx * scale; px < (mx + 1) * scale; px++) {
                        row[1 + px / 4] |= (byte) (index << (6 - 2 * (px % 4)));
                    }
                }
                for (int repeat = 0; repeat < scale; repeat++) {
                    deflater.setInput(row);
                    while (!deflater.needsInput()) {
                        out.write(buffer, 0, deflater.deflate(buffer));
                    }
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        png.writeBytes(length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        byte[] checksum = new byte[4];
        putInt(checksum, 0, (int) crc.getValue());
        png.writeBytes(checksum);
    }

    private static void putInt(byte[] target, int offset, int value) {
        target[offset] = (byte) (value >>> 24);
        target[offset + 1] = (byte) (value >>> 16);
        target[offset + 2] = (byte) (value >>> 8);
        target[offset + 3] = (byte) value;
    }
}
