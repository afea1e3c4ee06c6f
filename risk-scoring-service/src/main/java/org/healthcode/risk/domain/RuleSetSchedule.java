package org.healthcode.risk.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The versions of the rules as one province sees them: its own and the default ones ('*'). The
 * version in force is the province's latest version in effect, else the default's latest in effect
 * (as {@code RuleSetRepository.current} picks it); versions not yet in effect are scheduled; the
 * others are superseded.
 */
public final class RuleSetSchedule {

    /** The default rules: for any province without its own. */
    public static final String ANY_PROVINCE = "*";

    public enum Status {
        ACTIVE, SCHEDULED, SUPERSEDED
    }

    /** One published version. */
    public record Version(String province, int version, Instant effectiveFrom) {
    }

    private final String province;
    private final List<Version> versions;

    public RuleSetSchedule(String province, List<Version> versions) {
        this.province = province;
        this.versions = versions.stream()
                .filter(v -> v.province().equals(province) || v.province().equals(ANY_PROVINCE)).toList();
    }

    /** The version in force for the province at {@code now}. */
    public Optional<Version> inForce(Instant now) {
        Optional<Version> own = latestInEffect(province, now);
        return own.isPresent() ? own : latestInEffect(ANY_PROVINCE, now);
    }

    public Status statusOf(Version version, Instant now) {
        if (version.effectiveFrom().isAfter(now)) {
            return Status.SCHEDULED;
        }
        return inForce(now).filter(version::equals).isPresent() ? Status.ACTIVE : Status.SUPERSEDED;
    }

    /**
     * The number the province's next version gets: one above every version it sees, so that a
     * province's first own version is never confused with the default it replaces.
     */
    public int nextVersion() {
        return versions.stream().mapToInt(Version::version).max().orElse(0) + 1;
    }

    /**
     * The province's version that takes effect at or after {@code effectiveFrom}, if any: a new
     * version must take effect after every version already published, so that versions take
     * effect in the order of their numbers and none is scheduled only to be skipped.
     */
    public Optional<Version> laterScheduled(Instant effectiveFrom) {
        return versions.stream().filter(v -> v.province().equals(province))
                .filter(v -> !v.effectiveFrom().isBefore(effectiveFrom))
                .max(Comparator.comparing(Version::effectiveFrom));
    }

    private Optional<Version> latestInEffect(String owner, Instant now) {
        return versions.stream().filter(v -> v.province().equals(owner) && !v.effectiveFrom().isAfter(now))
                .max(Comparator.comparingInt(Version::version));
    }
}
