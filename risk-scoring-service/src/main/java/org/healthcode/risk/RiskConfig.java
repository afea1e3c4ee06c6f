package org.healthcode.risk;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** This service's own settings ({@code risk.*}). */
@ConfigMapping(prefix = "risk")
public interface RiskConfig {

    /** The province's time zone: quarantine days, validity and the end of a reason are local midnights. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    Review review();

    interface Review {

        /** How often due subjects are looked for (a run is skipped while the previous one goes on). */
        @WithDefault("1s")
        Duration interval();

        /** Subjects re-evaluated per transaction. */
        @WithDefault("200")
        int batchSize();
    }
}
