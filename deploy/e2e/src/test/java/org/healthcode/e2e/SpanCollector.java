package org.healthcode.e2e;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.healthcode.infra.Processes;

/**
 * An OpenTelemetry collector for the platform's processes: an OTLP/HTTP endpoint in the test JVM
 * that keeps the spans the services export (the latest {@value #KEPT}), so that a test can follow
 * one trace across them.
 */
public final class SpanCollector implements AutoCloseable {

    private static final int KEPT = 200_000;

    /** One span as exported: its trace, its place in it, and every attribute value as text. */
    public record Span(String service, String traceId, String spanId, String parentSpanId, String name, String kind,
            long startNanos, Map<String, String> attributes, String eventsText) {

        public boolean isRoot() {
            return parentSpanId.isEmpty();
        }
    }

    private final HttpServer server;
    private final ArrayDeque<Span> spans = new ArrayDeque<>();

    private SpanCollector(HttpServer server) {
        this.server = server;
    }

    public static SpanCollector start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            SpanCollector collector = new SpanCollector(server);
            server.createContext("/v1/traces", collector::receive);
            server.setExecutor(Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "span-collector");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return collector;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The OTLP/HTTP endpoint (protocol {@code http/protobuf}). */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            List<Span> received = new ArrayList<>();
            for (ResourceSpans resource : ExportTraceServiceRequest.parseFrom(body).getResourceSpansList()) {
                String service = serviceOf(resource.getResource());
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    scope.getSpansList().forEach(span -> received.add(new Span(service, hex(span.getTraceId()),
                            hex(span.getSpanId()), hex(span.getParentSpanId()), span.getName(),
                            span.getKind().name().replace("SPAN_KIND_", ""), span.getStartTimeUnixNano(),
                            textOf(span.getAttributesList()),
                            span.getEventsList().stream().map(e -> e.getName() + " " + textOf(e.getAttributesList()))
                                    .collect(Collectors.joining("; ")) + " " + span.getStatus().getMessage())));
                }
            }
            synchronized (spans) {
                spans.addAll(received);
                while (spans.size() > KEPT) {
                    spans.removeFirst();
                }
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    /** Every span received so far. */
    public List<Span> spans() {
        synchronized (spans) {
            return List.copyOf(spans);
        }
    }

    /** The spans of one trace received so far, in the order they started. */
    public List<Span> trace(String traceId) {
        return spans().stream().filter(s -> s.traceId().equals(traceId))
                .sorted(Comparator.comparingLong(Span::startNanos)).toList();
    }

    /** The first span of the trace that matches, waiting for the services to export it. */
    public Span await(String traceId, String what, Predicate<Span> match) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Optional<Span> found = trace(traceId).stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Processes.pause(Duration.ofMillis(200));
        }
        throw new AssertionError("no span " + what + " in trace " + traceId + " within 30 s; it has: "
                + trace(traceId).stream().map(s -> s.service() + " " + s.name()).toList());
    }

    private static String serviceOf(Resource resource) {
        return resource.getAttributesList().stream().filter(a -> a.getKey().equals("service.name"))
                .map(a -> a.getValue().getStringValue()).findFirst().orElse("?");
    }

    private static Map<String, String> textOf(List<KeyValue> attributes) {
        return attributes.stream().collect(Collectors.toMap(KeyValue::getKey, a -> textOf(a.getValue()), (a, b) -> b));
    }

    private static String textOf(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            case ARRAY_VALUE -> value.getArrayValue().getValuesList().stream().map(SpanCollector::textOf)
                    .collect(Collectors.joining(","));
            default -> value.toString();
        };
    }

    private static String hex(ByteString id) {
        return HexFormat.of().formatHex(id.toByteArray());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
