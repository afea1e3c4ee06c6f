package org.healthcode.kit.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.RealInfraResource;
import org.junit.jupiter.api.Test;

/**
 * One trace through the outbox and Kafka, as a collector sees it: the transaction that writes an
 * event keeps its trace with the outbox row, the record goes out with a {@code traceparent} header
 * in that trace, and a consumer, of single records or of whole polls, processes each event in
 * that trace and passes it on to the events it writes.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class EventTracingIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Outbox outbox;
    @Inject
    Tracer tracer;
    @Inject
    TestSpans spans;
    @Inject
    ObjectMapper json;

    @Test
    void anEventKeepsTheTraceOfItsTransactionInTheOutboxAndOnItsKafkaRecord() throws Throwable {
        String subject = "traced-" + UUID.randomUUID();
        Span request = tracer.spanBuilder("POST /v1/probes").startSpan();
        String stored = VertxContextSupport.subscribeAndAwait(() -> within(request, () -> Panache.withTransaction(
                () -> outbox.publish(TracedProbeConsumer.ECHO, subject, new ProbeConsumer.Probe("hello"))
                        .chain(id -> Panache.getSession().chain(session -> session
                                .createNativeQuery("select traceparent from outbox_event where id = ?1", String.class)
                                .setParameter(1, id).getSingleResult())))));
        request.end();

        SpanContext ours = request.getSpanContext();
        assertEquals("00-" + ours.getTraceId() + "-" + ours.getSpanId() + "-01", stored,
                "the outbox row keeps the transaction's trace");

        SpanContext header = traceOf(echo(subject).headers());
        assertEquals(ours.getTraceId(), header.getTraceId(), "the record carries the transaction's trace");
        SpanData publish = span(s -> s.getSpanId().equals(header.getSpanId()));
        assertEquals(TracedProbeConsumer.ECHO + " publish", publish.getName());
        assertEquals(ours.getSpanId(), publish.getParentSpanId(), "sent under the transaction's span");
    }

    @Test
    void aConsumerOfSingleRecordsProcessesInTheRecordsTraceAndPassesItOn() throws Exception {
        String subject = "single-" + UUID.randomUUID();
        SpanContext upstream = upstreamTrace();
        KafkaTestClient.sendRecords(List.of(traced(TracedProbeConsumer.SINGLE, subject, "one", upstream)));

        SpanContext passedOn = traceOf(echo(subject).headers());
        assertEquals(upstream.getTraceId(), passedOn.getTraceId(), "the event it wrote continues the record's trace");
        SpanData processing = span(s -> s.getName().equals(TracedProbeConsumer.SINGLE + " process")
                && s.getTraceId().equals(upstream.getTraceId()));
        assertEquals(upstream.getSpanId(), parentOf(processing).getParentSpanId(),
                "processed under the connector's receive span of the record");
        assertEquals(processing.getSpanId(), parentOf(span(s -> s.getSpanId().equals(passedOn.getSpanId())))
                .getSpanId(), "the event it wrote was published from its processing span");
    }

    @Test
    void aPollAppliedAtOnceKeepsEachEventInItsOwnTrace() throws Exception {
        String run = UUID.randomUUID().toString();
        int events = 20;
        List<SpanContext> upstream = new ArrayList<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            upstream.add(upstreamTrace());
            records.add(traced(TracedProbeConsumer.BATCH, "poll-" + run + "-" + i, "n" + i, upstream.get(i)));
        }
        KafkaTestClient.sendRecords(records);

        List<Long> pollSizes = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            String traceId = upstream.get(i).getTraceId();
            assertEquals(traceId, traceOf(echo("poll-" + run + "-" + i).headers()).getTraceId(),
                    "event " + i + " passed on in the trace of the event that caused it");
            SpanData processing = span(s -> s.getName().equals(TracedProbeConsumer.BATCH + " process")
                    && s.getTraceId().equals(traceId));
            assertEquals(upstream.get(i).getSpanId(), parentOf(processing).getParentSpanId(),
                    "event " + i + " processed under its own record's receive span");
            pollSizes.add(processing.getAttributes().get(AttributeKey.longKey("messaging.batch.message_count")));
        }
        assertTrue(pollSizes.stream().anyMatch(size -> size != null && size > 1),
                "events applied several at a time, each still in its own trace: " + pollSizes);
    }

    @Test
    void theRelaysPollingStartsNoTraceOfItsOwn() throws Throwable {
        // the relay has polled its table every 100 ms since the application started
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.publish(
                TracedProbeConsumer.ECHO, "untraced-" + UUID.randomUUID(), new ProbeConsumer.Probe("quiet"))));
        span(s -> s.getName().equals(TracedProbeConsumer.ECHO + " publish"));
        assertEquals(List.of(), spans.finished().stream()
                .filter(s -> !s.getParentSpanContext().isValid() && s.getKind() == SpanKind.CLIENT)
                .map(SpanData::getName).distinct().toList(), "no query or call outside a trace starts one");
    }

    /** A finished span of another service, whose context a record carries in. */
    private SpanContext upstreamTrace() {
        Span span = tracer.spanBuilder("upstream").setNoParent().startSpan();
        span.end();
        return span.getSpanContext();
    }

    private ProducerRecord<String, String> traced(String topic, String subject, String note, SpanContext upstream)
            throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, subject, json.writeValueAsString(
                EventEnvelope.of(UUID.randomUUID().toString(), "cn.healthcode." + topic, "/test", Instant.now(), subject,
                        new ProbeConsumer.Probe(note))));
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(Span.wrap(upstream)), record.headers(),
                (headers, key, value) -> headers.add(key, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static <T> Uni<T> within(Span span, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Scope scope = span.makeCurrent();
            return work.get().onTermination().invoke(scope::close);
        });
    }

    private static ConsumerRecord<String, String> echo(String subject) {
        List<ConsumerRecord<String, String>> found = KafkaTestClient.read(TracedProbeConsumer.ECHO,
                r -> subject.equals(r.key()), 1, WAIT);
        assertEquals(1, found.size(), "the event passed on reached Kafka");
        return found.get(0);
    }

    private static SpanContext traceOf(Headers headers) {
        SpanContext context = KafkaTestClient.traceOf(headers);
        assertTrue(context.isValid(), "a valid traceparent header");
        return context;
    }

    private SpanData parentOf(SpanData child) {
        return span(s -> s.getSpanId().equals(child.getParentSpanId()));
    }

    /** The finished span that matches, waiting for it to end. */
    private SpanData span(Predicate<SpanData> match) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            Optional<SpanData> found = spans.finished().stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            pause();
        }
        throw new AssertionError("no such span among " + spans.finished().size() + " finished");
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
