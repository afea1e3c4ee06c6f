package org.healthcode.trace;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.healthcode.trace.domain.TraceSettings;

/**
 * This service's settings ({@code trace.*}). Tracing settings have defaults for every province
 * ({@code trace.defaults.*}) that a province can override one by one
 * ({@code trace.province."330000".close-window=20m}).
 */
@ConfigMapping(prefix = "trace")
public interface TraceConfig {

    /** The time zone of the provinces this deployment serves: when an onset day starts. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    Defaults defaults();

    Map<String, Overrides> province();

    Partitions partitions();

    /** The tracing settings of a province: its overrides over the defaults. */
    default TraceSettings settingsFor(String province) {
        Defaults d = defaults();
        Overrides o = province == null ? null : province().get(province);
        if (o == null) {
            return new TraceSettings(d.lookBack(), d.onsetLead(), d.closeWindow(), d.spatiotemporalWindow(),
                    d.transportWindow(), d.degreeTwo(), timeZone());
        }
        return new TraceSettings(o.lookBack().orElse(d.lookBack()), o.onsetLead().orElse(d.onsetLead()),
                o.closeWindow().orElse(d.closeWindow()), o.spatiotemporalWindow().orElse(d.spatiotemporalWindow()),
                o.transportWindow().orElse(d.transportWindow()), o.degreeTwo().orElse(d.degreeTwo()), timeZone());
    }

    /** The widest window of any province: how far apart two scans can be and still link. */
    default Duration widestReach() {
        Duration widest = settingsFor(null).widestReach();
        for (String province : province().keySet()) {
            Duration reach = settingsFor(province).widestReach();
            widest = reach.compareTo(widest) > 0 ? reach : widest;
        }
        return widest;
    }

    interface Defaults {

        /** Without an onset date, the case's visits this long before confirmation count. */
        @WithDefault("14d")
        Duration lookBack();

        /** With an onset date, the case's visits count from this long before the onset day. */
        @WithDefault("2d")
        Duration onsetLead();

        /** Same venue, scans at most this far apart: CLOSE. */
        @WithDefault("30m")
        Duration closeWindow();

        /** Same venue, scans at most this far apart but not close: SPATIOTEMPORAL. */
        @WithDefault("120m")
        Duration spatiotemporalWindow();

        /** Same carriage or cabin (BUS, TRAIN, FLIGHT venue), scans at most this far apart: TRANSPORT. */
        @WithDefault("360m")
        Duration transportWindow();

        /** Whether close contacts' own close contacts are traced as degree 2. */
        @WithDefault("true")
        boolean degreeTwo();
    }

    interface Overrides {

        Optional<Duration> lookBack();

        Optional<Duration> onsetLead();

        Optional<Duration> closeWindow();

        Optional<Duration> spatiotemporalWindow();

        Optional<Duration> transportWindow();

        Optional<Boolean> degreeTwo();
    }

    /** The visit index is partitioned by calendar month (UTC) of the scan. */
    interface Partitions {

        /** How often partitions are created ahead and expired ones dropped. */
        @WithDefault("1h")
        Duration checkEvery();

        /** Months after the current one that always have a partition. */
        @WithDefault("2")
        int monthsAhead();

        /**
         * Visits older than this are deleted: a month's partition is dropped once all of it is
         * older (so a visit is kept at least this long, at most about a month more).
         */
        @WithDefault("28d")
        Duration retention();
    }
}
