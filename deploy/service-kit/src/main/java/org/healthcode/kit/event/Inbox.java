package org.healthcode.kit.event;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The consumer side of exactly-once effects: an event id is recorded in the same transaction as
 * the effect, and an event seen before is skipped.
 */
@ApplicationScoped
public class Inbox {

    /**
     * Runs {@code effect} in the current transaction unless {@code consumer} already processed
     * {@code eventId}. Answers whether the effect ran.
     */
    public Uni<Boolean> once(String consumer, String eventId, Supplier<Uni<?>> effect) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("insert into processed_event (consumer, event_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate())
                .chain(inserted -> inserted == 0
                        ? Uni.createFrom().item(false)
                        : effect.get().replaceWith(true));
    }

    /**
     * Records all of {@code eventIds} as processed by {@code consumer} in the current transaction,
     * with one statement; answers those not processed before (the others are redeliveries; an id
     * twice in the list counts once). {@link EventBatch} applies a poll of events with it.
     */
    public Uni<Set<String>> firstSeen(String consumer, List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(new HashSet<>());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into processed_event (consumer, event_id)
                select ?1, u.id from unnest(cast(?2 as text[])) as u(id)
                on conflict do nothing
                returning event_id""", String.class)
                .setParameter(1, consumer)
                .setParameter(2, eventIds.toArray(String[]::new))
                .getResultList())
                .map(HashSet::new);
    }
}
