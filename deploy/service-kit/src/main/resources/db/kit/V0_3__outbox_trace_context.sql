-- The trace an event was written in (W3C Trace Context: traceparent, and tracestate if any), kept
-- with its outbox row so that the relay sends the Kafka record in the same trace. Null when the
-- transaction was not traced.
ALTER TABLE outbox_event
    ADD COLUMN traceparent TEXT,
    ADD COLUMN tracestate  TEXT;
