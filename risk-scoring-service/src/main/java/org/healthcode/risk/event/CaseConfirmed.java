package org.healthcode.risk.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.healthcode.risk.domain.CaseDecision;
import org.healthcode.risk.domain.CaseStatus;

/**
 * The part of contact-trace-service's {@code case-confirmed} event that the rules read: which
 * case, whose, which status and when the authority set it. Onset date and unknown fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseConfirmed(
        String caseId,
        String subjectId,
        String status,
        Instant confirmedAt,
        String regionCode,
        String province) {

    public static final String TOPIC = "case-confirmed";

    /** What a usable event must carry; anything else goes to the dead-letter topic. */
    public boolean isComplete() {
        return caseId != null && subjectId != null && confirmedAt != null
                && Arrays.stream(CaseStatus.values()).anyMatch(s -> s.name().equals(status));
    }

    /** {@code confirmedAt} is when the authority set this status, whichever it is. */
    public CaseDecision toDecision() {
        return new CaseDecision(caseId, CaseStatus.valueOf(status), confirmedAt.truncatedTo(ChronoUnit.MILLIS));
    }
}
