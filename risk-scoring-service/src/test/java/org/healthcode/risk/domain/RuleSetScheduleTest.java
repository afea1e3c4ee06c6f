package org.healthcode.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.healthcode.risk.domain.RuleSetSchedule.Status;
import org.healthcode.risk.domain.RuleSetSchedule.Version;
import org.junit.jupiter.api.Test;

class RuleSetScheduleTest {

    static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");
    static final Version DEFAULT_1 = new Version("*", 1, Instant.parse("2020-01-01T00:00:00Z"));

    @Test
    void withoutItsOwnVersionAProvinceUsesTheDefault() {
        RuleSetSchedule schedule = new RuleSetSchedule("330000", List.of(DEFAULT_1));

        assertEquals(Optional.of(DEFAULT_1), schedule.inForce(NOW));
        assertEquals(Status.ACTIVE, schedule.statusOf(DEFAULT_1, NOW));
        assertEquals(2, schedule.nextVersion(), "never the default's number");
    }

    @Test
    void aScheduledVersionTakesOverAtItsEffectiveTimeAndSupersedesTheDefault() {
        Version own = new Version("330000", 2, NOW.plus(Duration.ofHours(30)));
        RuleSetSchedule schedule = new RuleSetSchedule("330000", List.of(DEFAULT_1, own));

        assertEquals(Status.SCHEDULED, schedule.statusOf(own, NOW));
        assertEquals(Status.ACTIVE, schedule.statusOf(DEFAULT_1, NOW));

        Instant later = own.effectiveFrom();
        assertEquals(Optional.of(own), schedule.inForce(later));
        assertEquals(Status.ACTIVE, schedule.statusOf(own, later));
        assertEquals(Status.SUPERSEDED, schedule.statusOf(DEFAULT_1, later));
        assertEquals(3, schedule.nextVersion());
    }

    @Test
    void anotherProvincesVersionsAreNotSeen() {
        Version shanghai = new Version("310000", 5, NOW.minus(Duration.ofDays(1)));
        RuleSetSchedule schedule = new RuleSetSchedule("330000", List.of(DEFAULT_1, shanghai));

        assertEquals(Optional.of(DEFAULT_1), schedule.inForce(NOW));
        assertEquals(2, schedule.nextVersion());
    }

    @Test
    void aNewVersionMustTakeEffectAfterEveryVersionAlreadyPublished() {
        Version scheduled = new Version("330000", 2, NOW.plus(Duration.ofDays(3)));
        RuleSetSchedule schedule = new RuleSetSchedule("330000", List.of(DEFAULT_1, scheduled));

        assertEquals(Optional.of(scheduled), schedule.laterScheduled(NOW.plus(Duration.ofDays(2))));
        assertEquals(Optional.of(scheduled), schedule.laterScheduled(scheduled.effectiveFrom()));
        assertTrue(schedule.laterScheduled(NOW.plus(Duration.ofDays(4))).isEmpty());
        assertTrue(new RuleSetSchedule("330000", List.of(DEFAULT_1)).laterScheduled(NOW).isEmpty(),
                "the default never blocks a province");
    }
}
