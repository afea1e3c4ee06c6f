package org.healthcode.scan.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.healthcode.kit.audit.AuditEntry;
import org.healthcode.kit.event.Outbox;
import org.healthcode.scan.domain.FederationContact;

/**
 * Contacts other provinces sent here, on the pool: each is one statement (the finding, its
 * {@code federation-contact-received} event and its audit line, all or nothing), idempotent by
 * (sending province, finding id).
 */
@ApplicationScoped
public class FederationContactRepository {

    // "On conflict do nothing": a finding sent again (or twice at once) is stored, published and
    // audited once; the event and the audit line are written only when the finding was.
    private static final String RECEIVE = """
            with finding as (
                insert into federation_contact_received (from_province, finding_id, subject_id, degree, exposure,
                        overlap_from, overlap_to, last_exposure, kid, message_id, received_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                on conflict (from_province, finding_id) do nothing
                returning finding_id),
            event as (
                insert into outbox_event (id, topic, event_key, payload, traceparent, tracestate)
                select $12::uuid, $13::text, $14::text, $15::text, $16::text, $17::text from finding
                returning id),
            entry as (
                insert into audit_entry (at, actor, action, outcome, subject_id, object, province, detail)
                select $18::timestamptz, $19::text, $20::text, $21::text, $22::text, $23::text, $24::text, $25::text
                from finding
                returning at)
            select count(*) as received from finding""";

    private final Pool pool;

    public FederationContactRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Stores the finding {@code contact} from {@code fromProvince} with its event and audit line,
     * unless that province sent it before; answers whether it was new.
     */
    public Uni<Boolean> receive(String fromProvince, FederationContact contact, String kid, String messageId,
            Instant receivedAt, Outbox.Row event, AuditEntry audit) {
        Tuple values = Tuple.tuple()
                .addValue(fromProvince).addValue(contact.findingId()).addValue(contact.subjectId())
                .addValue((short) contact.degree()).addValue(contact.exposure()).addValue(utc(contact.overlapFrom()))
                .addValue(utc(contact.overlapTo())).addValue(utc(contact.lastExposure())).addValue(kid)
                .addValue(messageId).addValue(utc(receivedAt))
                .addValue(event.id()).addValue(event.topic()).addValue(event.key()).addValue(event.payload())
                .addValue(event.traceparent()).addValue(event.tracestate())
                .addValue(utc(audit.at())).addValue(audit.actor()).addValue(audit.action())
                .addValue(audit.outcome().name()).addValue(audit.subjectId()).addValue(audit.object())
                .addValue(audit.province()).addValue(audit.detail());
        return pool.preparedQuery(RECEIVE).execute(values)
                .map(rows -> rows.iterator().next().getLong("received") > 0);
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
