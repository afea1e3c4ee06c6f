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

    Rules rules();

    Overrides overrides();

    Figures figures();

    interface Review {

        /** How often due subjects are looked for (a run is skipped while the previous one goes on). */
        @WithDefault("1s")
        Duration interval();

        /** Subjects re-evaluated per transaction. */
        @WithDefault("200")
        int batchSize();
    }

    interface Rules {

        /** How far ahead of its effective time a new rule version must be published. */
        @WithDefault("24h")
        Duration leadTime();

        /** Subjects evaluated per round trip by a dry run. */
        @WithDefault("500")
        int dryRunBatchSize();
    }

    interface Overrides {

        /** How long a proposed override waits for a second authority's decision. */
        @WithDefault("72h")
        Duration proposalTtl();
    }

    interface Figures {

        /**
         * How long a region's public figures are kept and may be kept by browsers and proxies
         * ({@code Cache-Control: max-age}); the cache {@code public-figures} expires with it.
         */
        @WithDefault("60s")
        Duration maxAge();

        /** A count from 1 to one less than this is answered only as "fewer than" it. */
        @WithDefault("10")
        int threshold();
    }
}
