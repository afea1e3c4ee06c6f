-- A person's dispute of their colour (filed by themself or by their guardian) and the health
-- authority's answer. The reason and the answer's note are free text about a person's health, so
-- they are stored only encrypted like the identity fields (AES-256-GCM, nonce || ciphertext+tag,
-- the appeal's id as associated data). The province is the person's when they filed: it decides
-- which authority's queue the appeal is in.
CREATE TABLE appeal (
    id              UUID        PRIMARY KEY,
    person_id       UUID        NOT NULL REFERENCES person (id),
    subject_id      TEXT        NOT NULL,
    province        TEXT        NOT NULL,
    reason_encrypted BYTEA      NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('OPEN', 'UPHELD', 'REJECTED')),
    created_at      TIMESTAMPTZ NOT NULL,
    note_encrypted  BYTEA,
    answered_at     TIMESTAMPTZ,
    answered_by     TEXT,       -- the authority's account (sub); never shown to the citizen
    CONSTRAINT appeal_answered CHECK ((status = 'OPEN')
        = (note_encrypted IS NULL AND answered_at IS NULL AND answered_by IS NULL))
);
-- One open appeal per person at a time: a second one waits for the answer to the first.
CREATE UNIQUE INDEX appeal_one_open ON appeal (person_id) WHERE status = 'OPEN';
CREATE INDEX appeal_person ON appeal (person_id, created_at);
-- The authority's queue: a province's appeals by status, oldest first.
CREATE INDEX appeal_queue ON appeal (province, status, created_at);
