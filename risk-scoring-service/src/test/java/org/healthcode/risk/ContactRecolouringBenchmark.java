package org.healthcode.risk;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.healthcode.infra.RealInfra;
import org.healthcode.infra.testing.RealInfraResource;
import org.junit.jupiter.api.Test;

/**
 * Not a test: one case's 1,000 {@code contact-identified} events sent to Kafka at once, timed from
 * the first send until the last was applied (its outbox row written, the commit follows), until the 1,000th
 * {@code risk-recalculated} they cause was on Kafka (the kit's outbox relay included), and until a
 * plain consumer had read it, on the real broker and database of the ITs. Run with
 * {@code mvn -B -o -q -pl risk-scoring-service verify -Dtest=ContactRecolouringBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbench.contacts=1000 -Dbench.runs=7}); the
 * figures are printed to the test's output file under {@code target/surefire-reports}.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(ShiftableClockResource.class)
class ContactRecolouringBenchmark {

    private static final int CONTACTS = Integer.getInteger("bench.contacts", 1000);
    private static final int RUNS = Integer.getInteger("bench.runs", 7);

    /**
     * One run, from the first send: when the last outbox row was written (the event's time: the
     * batch commits right after), when it was on Kafka (its record's timestamp), when it was read.
     */
    private record Run(long committedMs, long onKafkaMs, long seenMs) {
    }

    final PlatformTime time = new PlatformTime();

    @Test
    void aCaseWithAThousandContacts() throws Exception {
        String kafka = RealInfra.shared().kafka().bootstrapServers();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                        ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of("risk-recalculated"));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);

            run(producer, consumer, CONTACTS); // warm-up: JIT, connections, topics
            List<Run> runs = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                runs.add(run(producer, consumer, CONTACTS));
            }
            System.out.printf("%n%d contact-identified → %d risk-recalculated, %d runs (median / max ms):%n"
                    + "  applied (outbox row)  %s%n  on Kafka (relayed)    %s%n  read by a consumer    %s%n%n",
                    CONTACTS, CONTACTS, RUNS, summary(runs, Run::committedMs), summary(runs, Run::onKafkaMs),
                    summary(runs, Run::seenMs));
        }
    }

    /** Sends one case's contacts at once; times until all were applied, relayed and read. */
    private Run run(KafkaProducer<String, String> producer, KafkaConsumer<String, String> consumer, int contacts)
            throws Exception {
        Instant now = time.now();
        Set<String> waiting = new HashSet<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < contacts; i++) {
            String subject = Declarations.newSubjectId();
            TraceEvents contact = TraceEvents.contact(subject, 1, "CLOSE", now.minus(Duration.ofHours(26)), now);
            waiting.add(contact.id());
            records.add(new ProducerRecord<>("contact-identified", subject, contact.json()));
        }
        Duration clockShift = Duration.between(Instant.now(), time.now()); // the application's clock is moved
        long startWall = System.currentTimeMillis();
        long start = System.nanoTime();
        records.forEach(producer::send);
        producer.flush();
        long deadline = start + Duration.ofSeconds(120).toNanos();
        Instant lastWritten = Instant.EPOCH;
        long lastOnKafka = 0;
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(10))) {
                JsonNode event = Declarations.JSON.readTree(record.value());
                if (waiting.remove(event.path("data").path("causeEventId").asText())) {
                    lastOnKafka = Math.max(lastOnKafka, record.timestamp());
                    Instant written = Instant.parse(event.get("time").asText()).minus(clockShift);
                    lastWritten = lastWritten.isAfter(written) ? lastWritten : written;
                }
            }
        }
        long seen = elapsedMs(start);
        if (!waiting.isEmpty()) {
            throw new IllegalStateException(waiting.size() + " contacts not recoloured within 120 s");
        }
        Run run = new Run(lastWritten.toEpochMilli() - startWall, lastOnKafka - startWall, seen);
        System.out.printf("%d contacts: applied %d ms, on Kafka %d ms, read %d ms%n", contacts, run.committedMs(),
                run.onKafkaMs(), run.seenMs());
        return run;
    }

    private static long elapsedMs(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static String summary(List<Run> runs, ToLongFunction<Run> figure) {
        List<Long> sorted = runs.stream().map(figure::applyAsLong).sorted().toList();
        return String.format("%5d / %5d   %s", sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1),
                runs.stream().map(figure::applyAsLong).toList());
    }
}
