package org.healthcode.kit.event;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Moves committed outbox rows to Kafka. A batch is leased (so replicas share the work and a
 * relay that dies mid-batch only delays it), sent in order, and deleted once every record is
 * acknowledged. A crash between acknowledgement and delete sends a row twice: consumers are
 * idempotent by event id, so at-least-once is exactly the effect once.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    // The batch is chosen once, in a CTE. As "where seq in (select ... limit n for update skip
    // locked)" a plan may run the sub-select more than once: one did, leasing all 1,800 rows there
    // were instead of n, in 2 s. Planned afresh at every lease (the simple protocol, the batch size
    // written in): a plan kept from when the table was nearly empty (between two bursts) scanned a
    // full one far too slowly. Every other statement keeps its plan.
    private static final String LEASE = """
            with batch as materialized (
                select seq from outbox_event
                where lease_until is null or lease_until < now()
                order by seq limit %d for update skip locked)
            update outbox_event o set lease_until = now() + interval '30 seconds'
            from batch where o.seq = batch.seq
            returning o.seq, o.id, o.topic, o.event_key, o.payload, o.traceparent, o.tracestate""";

    /** The largest {@code healthcode.outbox.batch-size}: the emitter buffers this many. */
    static final int MAX_BATCH = 2000;

    private final Pool pool;
    private final KafkaTopics topics;
    private final EventTracing tracing;
    private final MutinyEmitter<String> emitter;
    private final int batchSize;
    private final String lease;
    private final Duration pollInterval;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private long timer;

    // A whole batch is handed to the emitter at once: with the default buffer (128), a batch
    // handed over while Kafka was still acknowledging the one before failed with "insufficient
    // downstream requests" and waited out its lease (30 s). The buffer holds the largest batch.
    public OutboxRelay(Pool pool, KafkaTopics topics, EventTracing tracing,
            @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = MAX_BATCH)
            MutinyEmitter<String> emitter,
            @ConfigProperty(name = "healthcode.outbox.batch-size") int batchSize,
            @ConfigProperty(name = "healthcode.outbox.poll-interval") Duration pollInterval, Vertx vertx) {
        this.pool = pool;
        this.topics = topics;
        this.tracing = tracing;
        this.emitter = emitter;
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("healthcode.outbox.batch-size must be 1 to " + MAX_BATCH);
        }
        this.batchSize = batchSize;
        this.lease = LEASE.formatted(batchSize);
        this.pollInterval = pollInterval;
        this.vertx = vertx;
    }

    /**
     * Polls on a Vert.x timer: Quarkus's scheduler does not run more often than once a second, and
     * a second of delay is most of the platform's "recoloured within seconds".
     */
    void start(@Observes StartupEvent started) {
        timer = vertx.setPeriodic(pollInterval.toMillis(), id -> run());
    }

    /**
     * Relays now instead of at the next tick (or once more right after the relay under way): for
     * a hot path to call once it committed a transaction that published events.
     */
    public void nudge() {
        again.set(true);
        run();
    }

    private void run() {
        if (running.compareAndSet(false, true)) {
            again.set(false);
            relay().subscribe().with(done -> finished(), failed -> finished());
        }
    }

    private void finished() {
        running.set(false);
        if (again.get()) {
            run();
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        vertx.cancelTimer(timer);
    }

    Uni<Void> relay() {
        return relayBatch()
                .repeat().until(sent -> sent < batchSize)
                .collect().last()
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("Outbox relay paused until its next tick: %s", e.getClass().getSimpleName()))
                .onFailure().recoverWithNull();
    }

    /** Publishes one leased batch; answers how many rows it sent. */
    Uni<Integer> relayBatch() {
        return pool.query(lease).execute().chain(rows -> {
            List<Row> batch = new ArrayList<>();
            rows.forEach(batch::add);
            if (batch.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            batch.sort(Comparator.comparingLong(row -> row.getLong("seq")));
            UUID[] ids = batch.stream().map(row -> row.getUUID("id")).toArray(UUID[]::new);
            List<Uni<Void>> acks = batch.stream().map(this::send).toList();
            return topics.ensure(batch.stream().map(row -> row.getString("topic")).toList())
                    .chain(() -> Uni.join().all(acks).andFailFast())
                    .chain(() -> pool.preparedQuery("delete from outbox_event where id = any($1)")
                            .execute(Tuple.of(ids)))
                    .replaceWith(batch.size())
                    // not sent (or not known to be): tried again, in order, in a second rather than when
                    // the lease runs out; what Kafka did take arrives twice, and consumers apply an
                    // event id once
                    .onFailure().call(() -> pool.preparedQuery("update outbox_event set lease_until = now() + "
                            + "interval '1 second' where id = any($1)").execute(Tuple.of(ids))
                            .onFailure().recoverWithNull());
        });
    }

    /**
     * Sends a row in the trace it was written in: the Kafka connector starts its publish span there
     * and writes that span's {@code traceparent} header on the record. Named explicitly, not left to
     * whatever is current here (a relay nudged by one request sends other transactions' rows too).
     */
    private Uni<Void> send(Row row) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic"))
                .withKey(row.getString("event_key"))
                .build();
        TracingMetadata trace = TracingMetadata.withCurrent(
                tracing.contextOf(row.getString("traceparent"), row.getString("tracestate")));
        return emitter.sendMessage(Message.of(row.getString("payload")).addMetadata(metadata).addMetadata(trace));
    }
}
