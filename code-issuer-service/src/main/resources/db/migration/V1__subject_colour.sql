-- The current colour of each subject, as the latest risk-recalculated event gave it. Keyed by the
-- pseudonym only: this service never sees a name or document number.
CREATE TABLE subject_colour (
    subject_id       TEXT        PRIMARY KEY,
    colour           TEXT        NOT NULL CHECK (colour IN ('GREEN', 'YELLOW', 'RED')),
    gold             BOOLEAN     NOT NULL,
    reasons          TEXT        NOT NULL,  -- JSON array of {code, colour, since, until}
    valid_until      TIMESTAMPTZ,
    quarantine_until TIMESTAMPTZ,
    evaluated_at     TIMESTAMPTZ NOT NULL,  -- an event evaluated earlier than this is stale
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
