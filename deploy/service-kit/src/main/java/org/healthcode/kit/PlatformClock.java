package org.healthcode.kit;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The time source of a service. In-process tests replace the bean; end-to-end tests, which run
 * every service as its own process, set {@code healthcode.clock.offset-file} so that one file
 * moves the time of all of them at once. Production leaves it unset.
 */
@ApplicationScoped
public class PlatformClock {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock(@ConfigProperty(name = "healthcode.clock.offset-file") Optional<Path> offsetFile) {
        return offsetFile.<Clock>map(OffsetFileClock::new).orElseGet(Clock::systemUTC);
    }
}
