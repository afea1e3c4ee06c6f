-- Each subject's current paper code, as the latest paper-code-issued gave it (pseudonym only): a
-- paper code scanned here is good only while it is this print or newer than it.
CREATE TABLE paper_code (
    subject_id TEXT        PRIMARY KEY,
    paper_id   TEXT        NOT NULL,
    issued_at  TIMESTAMPTZ NOT NULL,  -- an event of an earlier print is stale
    updated_at TIMESTAMPTZ NOT NULL
);

-- A scan of a paper code is recorded as such.
ALTER TABLE scan_attempt DROP CONSTRAINT scan_attempt_mode_check;
ALTER TABLE scan_attempt ADD CONSTRAINT scan_attempt_mode_check
    CHECK (mode IN ('OPERATOR_SCAN', 'VENUE_CHECKIN', 'ID_CARD', 'COMPANION', 'PAPER_CODE'));
