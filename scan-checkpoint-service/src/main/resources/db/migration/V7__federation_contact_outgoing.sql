-- Contacts this province's tracing found among visitors from other provinces, to be sent to each
-- visitor's home (contact-identified with a homeProvince that is not this one): one row per finding
-- (the contact-identified traceId), kept until the home acknowledged it. status PENDING: to be sent
-- at next_attempt_at (a sender leases it by moving that time on); SENT: the home answered 2xx (or
-- 409); FAILED: the home refused it for good (a 4xx that sending again cannot change).
CREATE TABLE federation_contact_outgoing (
    finding_id      TEXT        PRIMARY KEY,
    home_province   TEXT        NOT NULL,
    subject_id      TEXT        NOT NULL,
    degree          SMALLINT    NOT NULL CHECK (degree IN (1, 2)),
    exposure        TEXT        NOT NULL CHECK (exposure IN ('CLOSE', 'TRANSPORT', 'SPATIOTEMPORAL')),
    overlap_from    TIMESTAMPTZ NOT NULL,
    overlap_to      TIMESTAMPTZ NOT NULL,
    last_exposure   TIMESTAMPTZ NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_outcome    TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    done_at         TIMESTAMPTZ
);
CREATE INDEX federation_contact_outgoing_due ON federation_contact_outgoing (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX federation_contact_outgoing_created ON federation_contact_outgoing (created_at);
