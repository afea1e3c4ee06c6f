package org.healthcode.kit.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A CloudEvents 1.0 event in its JSON format. {@code subject} is the pseudonymous
 * {@code subjectId} the Kafka record is keyed by; {@code data} is the producer's event record.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope<T>(
        String specversion,
        String id,
        String type,
        String source,
        Instant time,
        String subject,
        String datacontenttype,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String TYPE_PREFIX = "cn.healthcode.";

    public static <T> EventEnvelope<T> of(String id, String type, String source, Instant time, String subject, T data) {
        return new EventEnvelope<>(SPEC_VERSION, id, type, source, time, subject, "application/json", data);
    }
}
