package org.healthcode.trace.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A person exposed by a case, through their best link: the co-visit that made them a contact.
 *
 * @param subjectId     the contact
 * @param degree        1 (exposed by the case) or 2 (exposed by a close contact of the case)
 * @param exposure      the kind of the link
 * @param sourceSubjectId who exposed them: the case for degree 1, a close contact for degree 2
 * @param venueId       where
 * @param overlapFrom   the earlier of the two scans of the link
 * @param overlapTo     the later of the two scans of the link; the last exposure
 * @param closeSince    for a close contact (CLOSE or TRANSPORT), the start of their earliest close
 *                      link: their own visits from then on are searched for degree 2; else null
 */
public record Contact(String subjectId, int degree, Exposure exposure, String sourceSubjectId, UUID venueId,
        Instant overlapFrom, Instant overlapTo, Instant closeSince) {

    public Instant lastExposure() {
        return overlapTo;
    }
}
