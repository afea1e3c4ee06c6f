package org.healthcode.risk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.eclipse.microprofile.config.ConfigProvider;
import org.healthcode.kit.OffsetFileClock;

/** The application's time as tests see and move it. Time only moves forward, for all test classes. */
final class PlatformTime {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Path file = ConfigProvider.getConfig().getValue("healthcode.clock.offset-file", Path.class);
    private final OffsetFileClock clock = new OffsetFileClock(file);

    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.ofInstant(now(), ZONE);
    }

    Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /** Moves to the next {@code time} of day, local, so that a test's days do not straddle midnight. */
    void moveToNext(LocalTime time) throws IOException, InterruptedException {
        ZonedDateTime now = now().atZone(ZONE);
        ZonedDateTime target = now.with(time);
        if (!target.isAfter(now.plusMinutes(1))) {
            target = target.plusDays(1);
        }
        advance(Duration.between(now, target));
    }

    void advance(Duration by) throws IOException, InterruptedException {
        String current = Files.exists(file) ? Files.readString(file).strip() : "";
        Duration offset = current.isEmpty() ? Duration.ZERO : Duration.parse(current);
        OffsetFileClock.shift(file, offset.plus(by));
        Thread.sleep(120); // every clock reading the file sees the shift within 50 ms
    }
}
