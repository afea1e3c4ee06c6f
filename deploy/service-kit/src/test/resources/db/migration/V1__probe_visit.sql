-- The kit's test service holds one table of personal data.
CREATE TABLE probe_visit (
    at         TIMESTAMPTZ NOT NULL,
    subject_id TEXT        NOT NULL
);
