package org.healthcode.scan.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Set;
import org.healthcode.kit.code.SubjectId;
import org.healthcode.kit.event.EventReader.UnreadableEventException;
import org.healthcode.scan.domain.FederationContact;

/**
 * What this service reads of contact-trace's {@code contact-identified} event: a contact who is a
 * visitor from another province ({@code homeProvince}) is sent home. Other fields (the case, its
 * subject, the venue) never leave the province and are ignored here, as are fields added later.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactIdentified(String traceId, String contactSubjectId, Integer degree, String exposure,
        Instant overlapFrom, Instant overlapTo, Instant lastExposure, String homeProvince) {

    public static final String TOPIC = "contact-identified";

    private static final Set<String> EXPOSURES = Set.of("CLOSE", "TRANSPORT", "SPATIOTEMPORAL");

    /** Whether the contact lives in a province other than {@code ownProvince}: a finding to send there. */
    public boolean livesElsewhere(String ownProvince) {
        return homeProvince != null && !homeProvince.equals(ownProvince);
    }

    /** The finding to send home; one that lacks what the home needs is unreadable (dead-lettered). */
    public FederationContact toFederationContact() {
        if (traceId == null || !traceId.matches("[A-Za-z0-9._~-]{1,64}") || !SubjectId.isValid(contactSubjectId)
                || degree == null || (degree != 1 && degree != 2) || exposure == null || !EXPOSURES.contains(exposure)
                || overlapFrom == null || overlapTo == null || lastExposure == null
                || !homeProvince.matches("[0-9]{2}0000")) {
            throw new UnreadableEventException("contact-identified of a visitor lacks traceId, contactSubjectId, "
                    + "a known degree or exposure, the overlap, lastExposure or a province code as homeProvince");
        }
        return new FederationContact(traceId, contactSubjectId, degree, exposure, overlapFrom, overlapTo, lastExposure);
    }
}
