package org.healthcode.kit.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Every consumer's failure strategy (the kit's connector default): SmallRye's dead-letter queue,
 * which sends a message a consumer could not read or apply to {@code dead-letter-topic-<topic>},
 * counted per topic as {@code healthcode_events_dead_lettered_total}. A message is counted when it
 * is handed over, so the count is never behind what the dead-letter topic holds.
 */
@ApplicationScoped
@Identifier(DeadLetters.STRATEGY)
public class DeadLetters implements KafkaFailureHandler.Factory {

    public static final String STRATEGY = "healthcode-dead-letter-queue";
    public static final String METER = "healthcode.events.dead.lettered";

    private final KafkaFailureHandler.Factory queue;
    private final MeterRegistry registry;

    public DeadLetters(@Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE) KafkaFailureHandler.Factory queue,
            MeterRegistry registry) {
        this.queue = queue;
        this.registry = registry;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler deadLetterQueue = queue.create(config, vertx, consumer, reportFailure);
        // registered now, at zero: a rate is defined before the first bad message
        Counter deadLettered = Counter.builder(METER)
                .description("Messages a consumer could not read or apply, sent to the topic's dead-letter topic")
                .tag("topic", config.getTopic().orElse(config.getChannel()))
                .register(registry);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                deadLettered.increment();
                return deadLetterQueue.handle(record, reason, metadata);
            }

            @Override
            public void terminate() {
                deadLetterQueue.terminate();
            }
        };
    }
}
