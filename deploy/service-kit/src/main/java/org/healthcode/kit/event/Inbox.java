package org.healthcode.kit.event;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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
}
