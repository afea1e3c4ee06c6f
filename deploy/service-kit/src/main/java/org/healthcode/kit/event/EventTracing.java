package org.healthcode.kit.event;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Carries one trace through the outbox and Kafka. The transaction that writes an event keeps its
 * trace context with the outbox row (W3C {@code traceparent} and {@code tracestate});
 * {@link OutboxRelay} sends the record under it, and the Kafka connector writes the record's
 * {@code traceparent} header; a consumer processes each event in a span whose parent is that
 * record's trace (the connector's receive span), so that the events it writes in turn continue
 * the same trace.
 *
 * <p>A poll applied at once ({@link EventBatch}) gets one span per event, each in its own trace,
 * rather than one span linked to many: an event written by the poll names the event that caused
 * it ({@link Outbox.Keyed#cause()}) and continues that event's trace, so each case's trace runs on
 * to the colours it changed however the polls happened to group the events.
 */
@ApplicationScoped
public class EventTracing {

    /** The processing span of each event of the poll being applied, by event id. */
    private static final ContextKey<Map<String, Context>> POLL = ContextKey.named("healthcode-poll-events");

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private final Tracer tracer;

    public EventTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** A trace context as its W3C fields, as kept with an outbox row; null fields when there is none. */
    record Stored(String traceparent, String tracestate) {
    }

    /**
     * The trace an event written now belongs to: that of the event of the current poll that caused
     * it, else the current one (the HTTP request's, the single event's).
     */
    Stored storedFor(String cause) {
        Context current = Context.current();
        Map<String, Context> poll = current.get(POLL);
        Context context = cause != null && poll != null ? poll.getOrDefault(cause, current) : current;
        Map<String, String> fields = new HashMap<>();
        W3C.inject(context, fields, Map::put);
        return new Stored(fields.get("traceparent"), fields.get("tracestate"));
    }

    /** The trace context an outbox row was written in; the root context (a new trace) when it has none. */
    Context contextOf(String traceparent, String tracestate) {
        if (traceparent == null) {
            return Context.root();
        }
        Map<String, String> fields = new HashMap<>();
        fields.put("traceparent", traceparent);
        if (tracestate != null) {
            fields.put("tracestate", tracestate);
        }
        return W3C.extract(Context.root(), fields, MAP);
    }

    /**
     * Runs {@code work} in a span processing one event of {@code topic}, whose parent is the
     * current context: a consumer of single records runs where the Kafka connector made the
     * record's trace current.
     */
    public <T> Uni<T> processing(String topic, String consumer, String eventId, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Span span = start(Context.current(), topic, consumer, eventId, 1);
            Scope scope = span.makeCurrent();
            return Uni.createFrom().<T>deferred(work::get).onTermination().invoke((done, failure, cancelled) -> {
                scope.close();
                end(span, failure);
            });
        });
    }

    /** Starts the span processing one event of a poll of {@code pollSize}, in the trace its record came with. */
    Span startProcessing(KafkaRecord<String, String> record, String consumer, String eventId, int pollSize) {
        Context parent = record.getMetadata(TracingMetadata.class).map(TracingMetadata::getCurrentContext)
                .orElseGet(Context::root);
        return start(parent, record.getTopic(), consumer, eventId, pollSize);
    }

    /**
     * Runs {@code work} (a poll's transaction) where every event it writes can find the span of
     * the event that caused it; a poll of one event runs in that event's span.
     */
    <T> Uni<T> applying(List<String> eventIds, List<Span> spans, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Map<String, Context> poll = new HashMap<>();
            for (int i = 0; i < eventIds.size(); i++) {
                poll.put(eventIds.get(i), Context.root().with(spans.get(i)));
            }
            Context base = spans.size() == 1 ? Context.current().with(spans.get(0)) : Context.current();
            Scope scope = base.with(POLL, poll).makeCurrent();
            return Uni.createFrom().<T>deferred(work::get).onTermination().invoke(scope::close);
        });
    }

    /** Ends a processing span; a failure is named by its type only, as driver messages may quote values. */
    void end(Span span, Throwable failure) {
        if (failure != null) {
            span.setStatus(StatusCode.ERROR, failure.getClass().getName());
        }
        span.end();
    }

    private Span start(Context parent, String topic, String consumer, String eventId, int pollSize) {
        var builder = tracer.spanBuilder(topic + " process").setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.message.id", eventId)
                .setAttribute("healthcode.consumer", consumer);
        if (pollSize > 1) {
            builder.setAttribute("messaging.batch.message_count", pollSize);
        }
        return builder.startSpan();
    }

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };
}
