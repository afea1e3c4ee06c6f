package org.healthcode.kit.audit;

import java.time.Instant;

/**
 * One line of a service's audit trail: who did what to whom, when, and how it ended. Account ids
 * and pseudonyms only, never a name, document number or phone.
 *
 * @param at        when
 * @param actor     the staff account (the token's {@code sub}), or the event or job that acted
 * @param action    what, e.g. {@code ID_CARD_LOOKUP}, {@code CONTACTS_READ}, {@code COLOUR_CHANGED}
 * @param outcome   ALLOWED or REFUSED for a read, CHANGED for a change, DONE for a job
 * @param subjectId the pseudonym concerned, when one is
 * @param object    what else was touched: a case id, a venue id
 * @param province  the province whose data it is
 * @param detail    the cause or the reason: an event id, a rule version, why it was refused
 */
public record AuditEntry(Instant at, String actor, String action, Outcome outcome, String subjectId, String object,
        String province, String detail) {

    public enum Outcome {
        ALLOWED, REFUSED, CHANGED, DONE
    }
}
