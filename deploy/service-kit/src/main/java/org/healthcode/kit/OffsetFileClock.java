package org.healthcode.kit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * UTC system time shifted by the duration written in a file (ISO-8601, e.g. {@code PT36H}; a
 * missing or empty file means no shift). For end-to-end tests only: the file is read again at
 * most every 50 ms, so a shift reaches every service of the platform within that time.
 */
public final class OffsetFileClock extends Clock {

    private static final long REREAD_NANOS = Duration.ofMillis(50).toNanos();

    private final Path file;
    private volatile Duration offset = Duration.ZERO;
    private volatile long readAt = System.nanoTime() - REREAD_NANOS;

    public OffsetFileClock(Path file) {
        this.file = file;
    }

    /** Writes the shift that every clock reading this file will apply. */
    public static void shift(Path file, Duration offset) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.writeString(partial, offset.toString());
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public Instant instant() {
        long now = System.nanoTime();
        if (now - readAt >= REREAD_NANOS) {
            offset = read();
            readAt = now;
        }
        return Instant.now().plus(offset);
    }

    private Duration read() {
        try {
            String text = Files.exists(file) ? Files.readString(file).strip() : "";
            return text.isEmpty() ? Duration.ZERO : Duration.parse(text);
        } catch (IOException | RuntimeException e) {
            return offset;
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("platform time is UTC");
    }
}
