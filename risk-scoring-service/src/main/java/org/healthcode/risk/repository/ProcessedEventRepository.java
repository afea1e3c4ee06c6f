package org.healthcode.risk.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The kit's {@code Inbox} for a batch: the same {@code processed_event} rows, written with one
 * statement instead of one per event (the kit's {@code Inbox.once} takes a single event).
 */
@ApplicationScoped
public class ProcessedEventRepository {

    private final ObjectMapper json;

    public ProcessedEventRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Records the event ids as processed by {@code consumer} in the current transaction; answers
     * those not processed before (the others are redeliveries and change nothing). The ids travel
     * as one JSON array typed as text first: bound straight to jsonb, the driver would send a
     * JSON string.
     */
    public Uni<Set<String>> firstSeen(String consumer, List<String> eventIds) {
        String ids;
        try {
            ids = json.writeValueAsString(eventIds);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into processed_event (consumer, event_id)
                select ?1, id from jsonb_array_elements_text(cast(cast(?2 as text) as jsonb)) as ids(id)
                on conflict do nothing
                returning event_id""", String.class)
                .setParameter(1, consumer)
                .setParameter(2, ids)
                .getResultList())
                .map(HashSet::new);
    }
}
