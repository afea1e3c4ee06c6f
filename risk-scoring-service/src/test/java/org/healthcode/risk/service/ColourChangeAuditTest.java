package org.healthcode.risk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.healthcode.risk.domain.Colour;
import org.healthcode.risk.domain.Reason;
import org.healthcode.risk.domain.ReasonCode;
import org.junit.jupiter.api.Test;

class ColourChangeAuditTest {

    static final Instant T = Instant.parse("2026-11-22T03:15:00Z");

    @Test
    void theDetailSaysFromWhatToWhatWhyUnderWhichRulesForWhichReasons() {
        assertEquals("GREEN->RED cause=6f1c2a9e rules=v2 reasons=HIGH_RISK_TRAVEL,SYMPTOMS",
                ColourChangeAudit.detail(Colour.GREEN, Colour.RED, "6f1c2a9e", 2, List.of(
                        new Reason(ReasonCode.HIGH_RISK_TRAVEL, Colour.RED, T, T.plusSeconds(86_400)),
                        new Reason(ReasonCode.SYMPTOMS, Colour.YELLOW, T, null))));
    }

    @Test
    void aFirstStateComesFromNoneAndGreenHasNoReasons() {
        assertEquals("none->GREEN cause=review rules=v1 reasons=none",
                ColourChangeAudit.detail(null, Colour.GREEN, "review", 1, List.of()));
    }
}
