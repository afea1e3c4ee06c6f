package org.healthcode.scan.event;

import java.time.Instant;
import org.healthcode.scan.domain.FederationContact;

/**
 * The {@code data} of a {@code federation-contact-received} event: another province's tracing found
 * one of this province's people as a contact there and sent the finding here, signed by its
 * federation key. Risk-scoring takes it as it takes a local {@code contact-identified}: the same
 * contact fact, the same colour. Keyed by the contact; one event per (fromProvince, findingId),
 * ever. Pseudonyms only. Documented by {@code events/federation-contact-received.schema.json} and
 * its sample.
 *
 * @param findingId    the sending province's id of the finding
 * @param fromProvince the province whose case exposed the person (the message's verified issuer)
 * @param province     this province: the contact's home, whose pseudonym {@code subjectId} is
 * @param receivedAt   when the finding arrived here
 */
public record FederationContactReceived(
        String findingId,
        String fromProvince,
        String subjectId,
        int degree,
        String exposure,
        Instant overlapFrom,
        Instant overlapTo,
        Instant lastExposure,
        String province,
        Instant receivedAt) {

    public static final String TOPIC = "federation-contact-received";

    public static FederationContactReceived of(FederationContact contact, String fromProvince, String province,
            Instant receivedAt) {
        return new FederationContactReceived(contact.findingId(), fromProvince, contact.subjectId(), contact.degree(),
                contact.exposure(), contact.overlapFrom(), contact.overlapTo(), contact.lastExposure(), province,
                receivedAt);
    }
}
