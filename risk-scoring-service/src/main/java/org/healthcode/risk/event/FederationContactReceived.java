package org.healthcode.risk.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * The part of scan-checkpoint-service's {@code federation-contact-received} event that the rules
 * read: another province's tracing found one of this province's people as a contact there. It is
 * the same fact as a local {@code contact-identified} and is taken as one ({@link #asContactIdentified}):
 * a close contact found across the border turns the code the colour a local close contact would.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FederationContactReceived(
        String findingId,
        String fromProvince,
        String subjectId,
        Integer degree,
        String exposure,
        Instant lastExposure,
        String province) {

    public static final String TOPIC = "federation-contact-received";

    /**
     * The finding as a contact of this province: its trace id {@code <fromProvince>:<findingId>}
     * (never equal to a local trace id, a UUID, nor to another province's finding), the case known
     * only by the sending province (no case id crosses the border), and this province as the
     * subject's province until they declare.
     */
    public ContactIdentified asContactIdentified() {
        String trace = fromProvince == null || findingId == null ? null : fromProvince + ":" + findingId;
        String sendingCase = fromProvince == null ? null : "province:" + fromProvince;
        return new ContactIdentified(trace, sendingCase, subjectId, degree, exposure, lastExposure, province);
    }
}
