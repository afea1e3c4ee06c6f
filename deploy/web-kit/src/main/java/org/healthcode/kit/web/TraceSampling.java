package org.healthcode.kit.web;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which traces are kept. Where a trace starts (a request at the gateway, an event written outside
 * any trace), {@code quarkus.otel.traces.sampler.arg} of them, 0 to 1; inside a trace, what its
 * start decided, so that a kept trace is whole. A call made outside any trace starts none: the
 * outbox relay polls its table every 100 ms and the review job every second, and each query would
 * otherwise be a trace of one span.
 */
@Singleton
public class TraceSampling implements Sampler {

    private final Sampler sampler;

    public TraceSampling(@ConfigProperty(name = "quarkus.otel.traces.sampler.arg") double ratio) {
        Sampler share = Sampler.traceIdRatioBased(ratio);
        this.sampler = Sampler.parentBased(new Sampler() {
            @Override
            public SamplingResult shouldSample(Context parent, String traceId, String name, SpanKind kind,
                    Attributes attributes, List<LinkData> links) {
                return kind == SpanKind.CLIENT ? SamplingResult.drop()
                        : share.shouldSample(parent, traceId, name, kind, attributes, links);
            }

            @Override
            public String getDescription() {
                return "NoDetachedCalls{" + share.getDescription() + "}";
            }
        });
    }

    @Override
    public SamplingResult shouldSample(Context parent, String traceId, String name, SpanKind kind,
            Attributes attributes, List<LinkData> links) {
        return sampler.shouldSample(parent, traceId, name, kind, attributes, links);
    }

    @Override
    public String getDescription() {
        return sampler.getDescription();
    }
}
