package org.healthcode.kit.event;

import io.opentelemetry.api.trace.Span;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.healthcode.kit.db.DatabaseOutage;
import org.healthcode.kit.event.EventReader.UnreadableEventException;
import org.jboss.logging.Logger;

/**
 * Applies a whole poll of events at once, for consumers that get many at a time (a confirmed case
 * brings a thousand contacts, and their thousand new colours): the events not seen before, their
 * effect and the inbox rows in one transaction, then the poll is acknowledged. A consumer
 * declares {@code mp.messaging.incoming.<channel>.batch=true} and takes a
 * {@code KafkaRecordBatch<String, String>}.
 *
 * <p>Per-event semantics are kept: a message that is not a readable event goes to the channel's
 * dead-letter topic alone; if the batch's transaction fails, its events are applied one per
 * transaction and only those that fail again are dead-lettered. A failure because the database is
 * away dead-letters nothing: the poll is applied again once it is back ({@link DatabaseOutage}).
 *
 * <p>{@link #applyOnce} keeps an inbox row per event; {@link #apply} is for effects that are
 * idempotent by themselves (the visit index is keyed by scanId) and skips it.
 */
@ApplicationScoped
public class EventBatch {

    private static final Logger LOG = Logger.getLogger(EventBatch.class);

    private final EventReader reader;
    private final Inbox inbox;
    private final EventTracing tracing;

    public EventBatch(EventReader reader, Inbox inbox, EventTracing tracing) {
        this.reader = reader;
        this.inbox = inbox;
        this.tracing = tracing;
    }

    /** A readable event, what the consumer made of it, the record that brought it, and the span processing it. */
    private record Item<R>(KafkaRecord<String, String> record, String eventId, R accepted, Span span) {
    }

    /**
     * Reads each record as an event of {@code type} and lets {@code accept} turn it into what the
     * effect takes (throwing {@link UnreadableEventException} for an event it cannot use); then
     * runs {@code effect} once, in one transaction, on the accepted events that {@code consumer}
     * has not processed before, in the order they arrived.
     */
    public <T, R> Uni<Void> applyOnce(String consumer, KafkaRecordBatch<String, String> batch, Class<T> type,
            Function<EventEnvelope<T>, R> accept, Function<List<R>, Uni<?>> effect) {
        return apply(consumer, batch, type, accept, effect, true);
    }

    /**
     * As {@link #applyOnce}, for an effect that is idempotent by itself: it runs on every accepted
     * event of the poll, redelivered ones included, and no inbox row is kept.
     */
    public <T, R> Uni<Void> apply(String consumer, KafkaRecordBatch<String, String> batch, Class<T> type,
            Function<EventEnvelope<T>, R> accept, Function<List<R>, Uni<?>> effect) {
        return apply(consumer, batch, type, accept, effect, false);
    }

    private <T, R> Uni<Void> apply(String consumer, KafkaRecordBatch<String, String> batch, Class<T> type,
            Function<EventEnvelope<T>, R> accept, Function<List<R>, Uni<?>> effect, boolean once) {
        List<Item<R>> readable = new ArrayList<>();
        List<Refused> unreadable = new ArrayList<>();
        int size = batch.getRecords().size();
        for (KafkaRecord<String, String> record : batch) {
            try {
                EventEnvelope<T> event = reader.read(record.getPayload(), type);
                R accepted = accept.apply(event);
                readable.add(new Item<>(record, event.id(), accepted,
                        tracing.startProcessing(record, consumer, event.id(), size)));
            } catch (UnreadableEventException e) {
                LOG.warnf("%s: message dead-lettered: %s", consumer, e.getMessage()); // never the payload
                unreadable.add(new Refused(record, e));
            }
        }
        // Dead-lettered only once every transaction is over: a dead-letter send completes on another
        // Vert.x context, where Panache refuses to run, and the poll's good events were then lost.
        return DatabaseOutage.retried(consumer, () -> together(consumer, readable, effect, once))
                .invoke(failed -> readable.forEach(item -> tracing.end(item.span(), failed.stream()
                        .filter(refused -> refused.record() == item.record()).map(Refused::cause).findFirst()
                        .orElse(null))))
                .chain(failed -> deadLetter(Stream.concat(unreadable.stream(), failed.stream()).toList()))
                .chain(() -> Uni.createFrom().completionStage(batch::ack));
    }

    /** A message to dead-letter, and why. */
    private record Refused(KafkaRecord<String, String> record, Throwable cause) {
    }

    private static Uni<Void> deadLetter(List<Refused> refused) {
        return Multi.createFrom().iterable(refused)
                .onItem().transformToUniAndConcatenate(r -> Uni.createFrom().completionStage(() -> r.record().nack(r.cause())))
                .collect().last().replaceWithVoid();
    }

    /**
     * One item per key, the latest by {@code time} (of equal times, the later in the list), in
     * the order of first appearance: a poll may carry two states of one subject, and one
     * statement cannot write a row twice.
     */
    public static <T> List<T> latestOfEach(List<T> items, Function<T, String> key, Function<T, Instant> time) {
        Map<String, T> latest = new LinkedHashMap<>();
        for (T item : items) {
            latest.merge(key.apply(item), item, (kept, next) -> time.apply(next).isBefore(time.apply(kept)) ? kept : next);
        }
        return List.copyOf(latest.values());
    }

    /** Applies the items; answers those that failed even alone, to be dead-lettered. */
    private <R> Uni<List<Refused>> together(String consumer, List<Item<R>> items, Function<List<R>, Uni<?>> effect,
            boolean once) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> ids = items.stream().map(Item::eventId).toList();
        long start = System.nanoTime();
        return within(items, () -> Panache.withTransaction(() -> unseen(consumer, ids, once).chain(pending -> {
                    List<R> accepted = items.stream().filter(item -> pending.remove(item.eventId()))
                            .map(Item::accepted).toList();
                    return accepted.isEmpty() ? Uni.createFrom().voidItem() : effect.apply(accepted);
                })))
                .invoke(() -> LOG.debugf("%s: %d events applied in %d ms", consumer, items.size(),
                        (System.nanoTime() - start) / 1_000_000))
                .replaceWith(List.<Refused>of())
                .onFailure(e -> !DatabaseOutage.isCause(e)).recoverWithUni(e -> {
                    LOG.warnf("%s: a batch of %d events not applied (%s); applying them one by one", consumer,
                            items.size(), e.getClass().getName());
                    LOG.debug("Cause", e);
                    return oneByOne(consumer, items, effect, once);
                });
    }

    /** Runs {@code work} where the events it writes continue the traces of the items that caused them. */
    private <R, O> Uni<O> within(List<Item<R>> items, Supplier<Uni<O>> work) {
        return tracing.applying(items.stream().map(Item::eventId).toList(), items.stream().map(Item::span).toList(),
                work);
    }

    /** The ids among {@code ids} to apply: those the consumer has not seen before, or all of them once each. */
    private Uni<Set<String>> unseen(String consumer, List<String> ids, boolean once) {
        return once ? inbox.firstSeen(consumer, ids) : Uni.createFrom().item(new HashSet<>(ids));
    }

    /** Each event in its own transaction; answers those that failed. */
    private <R> Uni<List<Refused>> oneByOne(String consumer, List<Item<R>> items, Function<List<R>, Uni<?>> effect,
            boolean once) {
        List<Refused> failed = new ArrayList<>();
        return Multi.createFrom().iterable(items).onItem().transformToUniAndConcatenate(item -> within(List.of(item),
                        () -> Panache.withTransaction(() -> once
                                ? inbox.once(consumer, item.eventId(), () -> effect.apply(List.of(item.accepted())))
                                        .replaceWithVoid()
                                : effect.apply(List.of(item.accepted())).replaceWithVoid()))
                        .onFailure(e -> !DatabaseOutage.isCause(e)).recoverWithItem(e -> {
                            // the type is enough to investigate; driver messages may quote values
                            LOG.warnf("%s: event %s not applied (%s); dead-lettered", consumer, item.eventId(),
                                    e.getClass().getName());
                            LOG.debug("Cause", e);
                            failed.add(new Refused(item.record(), e));
                            return null;
                        }))
                .collect().last().replaceWith(failed);
    }
}
