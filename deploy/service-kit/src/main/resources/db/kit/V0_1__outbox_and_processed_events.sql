-- Shared by every service, created in the service's own schema before its own migrations.

-- Events waiting to be published: written in the same transaction as the state they describe,
-- deleted once Kafka has acknowledged them. A crash after commit loses nothing.
CREATE TABLE outbox_event (
    seq         BIGSERIAL PRIMARY KEY,
    id          UUID        NOT NULL UNIQUE,
    topic       TEXT        NOT NULL,
    event_key   TEXT        NOT NULL,
    payload     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    lease_until TIMESTAMPTZ
);

-- Inbound events already applied, recorded in the same transaction as their effect, so a
-- redelivered event changes nothing.
CREATE TABLE processed_event (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
