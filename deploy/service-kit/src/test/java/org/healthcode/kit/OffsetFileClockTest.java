package org.healthcode.kit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsetFileClockTest {

    @Test
    void followsTheShiftWrittenInItsFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("offset");
        OffsetFileClock clock = new OffsetFileClock(file);
        assertTrue(Duration.between(Instant.now(), clock.instant()).abs().toSeconds() < 5, "no file, no shift");

        OffsetFileClock.shift(file, Duration.ofDays(3));
        Thread.sleep(60);
        Duration ahead = Duration.between(Instant.now(), clock.instant());
        assertTrue(ahead.compareTo(Duration.ofDays(3).minusSeconds(5)) > 0 && ahead.compareTo(Duration.ofDays(3).plusSeconds(5)) < 0,
                ahead::toString);

        Files.writeString(file, "garbage");
        Thread.sleep(60);
        assertTrue(Duration.between(Instant.now(), clock.instant()).toDays() >= 2, "a bad file keeps the last shift");
    }
}
