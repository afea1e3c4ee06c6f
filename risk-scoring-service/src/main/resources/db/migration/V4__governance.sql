-- Governance (issue 5): rule sets published ahead by the health authority, four-eyes colour
-- overrides, and the province index that re-evaluating or dry-running a province needs.

-- Who published a version (a staff account id; null for the versions the migrations insert).
ALTER TABLE rule_set ADD COLUMN published_by TEXT;

-- A province's subjects: the dry run reads them, a new rule version marks them due.
CREATE INDEX risk_state_province ON risk_state (province, subject_id);

-- A colour set by one authority and approved by a second one (four eyes), for a subject of their
-- province, until a given time. A proposal not decided by expires_at has EXPIRED (derived, not
-- stored). justification and decision_note are typed by staff: stored, never logged or audited.
CREATE TABLE colour_override (
    id            UUID        PRIMARY KEY,
    subject_id    TEXT        NOT NULL,
    province      TEXT        NOT NULL,
    colour        TEXT        NOT NULL CHECK (colour IN ('GREEN', 'YELLOW', 'RED')),
    justification TEXT        NOT NULL,
    until         TIMESTAMPTZ NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('PROPOSED', 'APPROVED', 'REJECTED')),
    proposed_by   TEXT        NOT NULL,
    proposed_at   TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL,
    decided_by    TEXT,
    decided_at    TIMESTAMPTZ,
    decision_note TEXT
);
CREATE INDEX colour_override_subject ON colour_override (subject_id, status, until);
CREATE INDEX colour_override_province ON colour_override (province, status, proposed_at);
