-- What the health authority and contact tracing found (contact-trace-service's case-confirmed and
-- contact-identified), as far as the rules need it. Pseudonyms only; a subject may have no
-- declaration yet. The reasons they lead to (CONFIRMED_CASE, SUSPECTED_CASE, CLOSE_CONTACT,
-- SECONDARY_CONTACT, SPATIOTEMPORAL) are already in rule set version 1 (V2).

-- Each decision on a case: CONFIRMED / SUSPECTED open (or change) it, CLEARED closes it. The
-- latest decision of a case (by decided_at) is its status.
CREATE TABLE case_decision (
    event_id   TEXT        PRIMARY KEY,
    case_id    TEXT        NOT NULL,
    subject_id TEXT        NOT NULL,
    status     TEXT        NOT NULL CHECK (status IN ('CONFIRMED', 'SUSPECTED', 'CLEARED')),
    decided_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX case_decision_subject ON case_decision (subject_id, decided_at);

-- Each traced contact of a subject: one row per finding (trace), whatever event carried it.
CREATE TABLE subject_contact (
    trace_id      TEXT        PRIMARY KEY,
    case_id       TEXT        NOT NULL,
    subject_id    TEXT        NOT NULL,
    degree        INTEGER     NOT NULL CHECK (degree IN (1, 2)),
    exposure      TEXT        NOT NULL CHECK (exposure IN ('CLOSE', 'TRANSPORT', 'SPATIOTEMPORAL')),
    last_exposure TIMESTAMPTZ NOT NULL,
    identified_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX subject_contact_subject ON subject_contact (subject_id, identified_at);
