package org.healthcode.kit.event;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** Every span the test application finished, as a collector would receive them. */
@Singleton
public class TestSpans {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

    @Produces
    @Singleton
    SpanProcessor exportHere() {
        return SimpleSpanProcessor.create(exporter);
    }

    public List<SpanData> finished() {
        return exporter.getFinishedSpanItems();
    }
}
