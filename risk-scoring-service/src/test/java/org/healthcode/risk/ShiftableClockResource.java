package org.healthcode.risk;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives the application a clock that tests move forward through a file (the kit's
 * {@code OffsetFileClock}). Global, like {@code RealInfraResource}: every test class shares one
 * application configuration, so the application starts once.
 */
public class ShiftableClockResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            Path file = Files.createTempFile("risk-scoring-clock", ".offset");
            file.toFile().deleteOnExit();
            return Map.of("healthcode.clock.offset-file", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
