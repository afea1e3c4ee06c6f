package org.healthcode.kit.event;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

/**
 * Reads an inbound CloudEvent into the consumer's own record. A message that is not such an
 * event fails here, and the consumer's failure strategy sends it to the dead-letter topic.
 */
@ApplicationScoped
public class EventReader {

    private final ObjectMapper json;

    public EventReader(ObjectMapper json) {
        this.json = json;
    }

    public <T> EventEnvelope<T> read(String payload, Class<T> dataType) {
        JavaType type = json.getTypeFactory().constructParametricType(EventEnvelope.class, dataType);
        EventEnvelope<T> event;
        try {
            event = json.readValue(payload, type);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableEventException("not a readable " + dataType.getSimpleName() + " event");
        }
        if (event == null || event.id() == null || event.subject() == null || event.data() == null) {
            throw new UnreadableEventException("event lacks id, subject or data");
        }
        return event;
    }

    /** Why a message was sent to the dead-letter topic; never carries the message itself. */
    public static class UnreadableEventException extends RuntimeException {
        public UnreadableEventException(String message) {
            super(message, null, false, false);
        }
    }
}
