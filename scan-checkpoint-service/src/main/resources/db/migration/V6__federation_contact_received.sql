-- Contacts of this province's people that another province's tracing found there and sent here
-- (POST /v1/federation/contacts): one row per (sending province, finding id), so that a finding
-- sent again (the sender retries until it hears back) is recognised and changes nothing. Pseudonyms
-- only; what the sender signed with (kid) and its message id (jti) are kept for the audit.
CREATE TABLE federation_contact_received (
    from_province TEXT        NOT NULL,
    finding_id    TEXT        NOT NULL,
    subject_id    TEXT        NOT NULL,
    degree        SMALLINT    NOT NULL CHECK (degree IN (1, 2)),
    exposure      TEXT        NOT NULL CHECK (exposure IN ('CLOSE', 'TRANSPORT', 'SPATIOTEMPORAL')),
    overlap_from  TIMESTAMPTZ NOT NULL,
    overlap_to    TIMESTAMPTZ NOT NULL,
    last_exposure TIMESTAMPTZ NOT NULL,
    kid           TEXT        NOT NULL,
    message_id    TEXT        NOT NULL,
    received_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (from_province, finding_id)
);
CREATE INDEX federation_contact_received_at ON federation_contact_received (received_at);
