-- A visitor's home province: the province whose code they showed at a checkpoint here, whose
-- pseudonym they carry (scan-recorded's homeProvince). One row per visitor, never one per visit: the
-- visit index stays as narrow as it was (and its bulk-load column order unchanged), and this
-- province's own people, who have no other home, cost nothing. last_visit_at lets the retention purge
-- forget a visitor with their last visit.
CREATE TABLE visitor_home (
    subject_id    TEXT        PRIMARY KEY,
    home_province TEXT        NOT NULL CHECK (home_province ~ '^[0-9]{2}0000$'),
    last_visit_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX visitor_home_last_visit ON visitor_home (last_visit_at);

-- A contact who lives in another province: contact-identified names that province (homeProvince),
-- so that the finding is sent there. Null for this province's people.
ALTER TABLE contact ADD COLUMN home_province TEXT;
