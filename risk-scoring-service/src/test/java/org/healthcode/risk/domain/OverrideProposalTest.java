package org.healthcode.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverrideProposalTest {

    static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");
    static final String SUBJECT = "q3Vb0mXkT2yWJ8sLr5nA1w";

    static List<String> fields(OverrideProposal.Checked checked) {
        return checked.problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void aCompleteProposalIsAccepted() {
        OverrideProposal.Checked checked = OverrideProposal.check(SUBJECT, "GREEN", "Case record was a mix-up",
                "2026-11-25T16:00:00Z", NOW);

        assertEquals(List.of(), checked.problems());
        assertEquals(new OverrideProposal(SUBJECT, Colour.GREEN, "Case record was a mix-up",
                Instant.parse("2026-11-25T16:00:00Z")), checked.proposal());
    }

    @Test
    void anOffsetIsReadAsTheSameInstant() {
        assertEquals(Instant.parse("2026-11-25T16:00:00Z"),
                OverrideProposal.check(SUBJECT, "RED", "x", "2026-11-26T00:00:00+08:00", NOW).proposal().until());
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        OverrideProposal.Checked checked = OverrideProposal.check("someone's ID 330106...", "BLUE", " ", "tomorrow",
                NOW);

        assertNull(checked.proposal());
        assertEquals(List.of("subjectId", "colour", "justification", "until"), fields(checked));
        checked.problems().forEach(p -> assertEquals(false, p.problem().contains("330106"), "never the value"));
    }

    @Test
    void theJustificationHasOneToFiveHundredCharacters() {
        assertEquals(List.of(), OverrideProposal.check(SUBJECT, "RED", "误".repeat(500), "2026-11-23T00:00:00Z",
                NOW).problems(), "characters, not bytes");
        assertEquals(List.of("justification"), fields(OverrideProposal.check(SUBJECT, "RED", "x".repeat(501),
                "2026-11-23T00:00:00Z", NOW)));
        assertEquals(List.of("justification"), fields(OverrideProposal.check(SUBJECT, "RED", null,
                "2026-11-23T00:00:00Z", NOW)));
    }

    @Test
    void theEndIsInTheFutureAtMostThirtyDaysAhead() {
        assertEquals(List.of("until"), fields(OverrideProposal.check(SUBJECT, "RED", "x", NOW.toString(), NOW)));
        assertEquals(List.of(), OverrideProposal.check(SUBJECT, "RED", "x",
                NOW.plus(Duration.ofDays(30)).toString(), NOW).problems());
        assertEquals(List.of("until"), fields(OverrideProposal.check(SUBJECT, "RED", "x",
                NOW.plus(Duration.ofDays(30)).plusSeconds(1).toString(), NOW)));
        for (String end : new String[] {"0001-01-01T00:00:00Z", "+100000-01-01T00:00:00Z", "2026-12-01"}) {
            assertEquals(List.of(new FieldProblem("until", "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z,"
                    + " in the future and at most 30 days ahead")),
                    OverrideProposal.check(SUBJECT, "RED", "x", end, NOW).problems(), end);
        }
    }

    @Test
    void aProposalExpiresAfterItsTimeToLiveOrAtItsEndIfSooner() {
        OverrideProposal far = OverrideProposal.check(SUBJECT, "RED", "x", NOW.plus(Duration.ofDays(10)).toString(),
                NOW).proposal();
        OverrideProposal near = OverrideProposal.check(SUBJECT, "RED", "x", NOW.plus(Duration.ofHours(2)).toString(),
                NOW).proposal();

        assertEquals(NOW.plus(Duration.ofHours(72)), far.expiresAt(NOW, Duration.ofHours(72)));
        assertEquals(NOW.plus(Duration.ofHours(2)), near.expiresAt(NOW, Duration.ofHours(72)));
    }
}
