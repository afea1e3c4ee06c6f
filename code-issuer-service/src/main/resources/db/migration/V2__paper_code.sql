-- Each subject's current paper code: the latest print. Printing again replaces the row, and with it
-- the old print is revoked (checkpoints learn it from paper-code-issued). Pseudonym only.
CREATE TABLE paper_code (
    subject_id TEXT        PRIMARY KEY,
    paper_id   TEXT        NOT NULL UNIQUE CHECK (paper_id ~ '^[0-9]{12}$'),
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
