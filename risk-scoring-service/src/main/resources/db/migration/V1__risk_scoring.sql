-- Rules are data: one row per province and version; '*' applies to any province without its own.
-- A version takes effect at effective_from, so a change can be published ahead of time.
CREATE TABLE rule_set (
    province       TEXT        NOT NULL,
    version        INTEGER     NOT NULL,
    effective_from TIMESTAMPTZ NOT NULL,
    definition     JSONB       NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (province, version)
);

-- Region risk levels set by the health authority (GB/T 2260 codes; a province or city covers
-- everything within it). A missing row means LOW.
CREATE TABLE region_risk (
    region_code TEXT        PRIMARY KEY,
    level       TEXT        NOT NULL CHECK (level IN ('LOW', 'MEDIUM', 'HIGH')),
    updated_at  TIMESTAMPTZ NOT NULL
);

-- Each accepted declaration (FULL) or daily check-in, as far as the rules need it. Pseudonyms only.
CREATE TABLE submission (
    declaration_id    TEXT        PRIMARY KEY,
    subject_id        TEXT        NOT NULL,
    kind              TEXT        NOT NULL,
    declared_at       TIMESTAMPTZ NOT NULL,
    region_code       TEXT,
    symptoms          TEXT        NOT NULL DEFAULT '',  -- symptom codes, comma-separated
    temperature       NUMERIC(4, 1),
    vaccination_doses INTEGER,
    contact_with_case BOOLEAN     NOT NULL DEFAULT false,
    arrival_date      DATE                              -- inbound international arrival
);
CREATE INDEX submission_subject ON submission (subject_id, declared_at);

-- Declared travel. Indexed by region and end date so that a region's new risk level finds every
-- subject who was there within the look-back with one range scan.
CREATE TABLE subject_travel (
    id             UUID        PRIMARY KEY,
    subject_id     TEXT        NOT NULL,
    declaration_id TEXT        NOT NULL,
    region_code    TEXT        NOT NULL,
    from_date      DATE        NOT NULL,
    to_date        DATE        NOT NULL,
    declared_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX subject_travel_region ON subject_travel (region_code, to_date);
CREATE INDEX subject_travel_subject ON subject_travel (subject_id, declared_at);

-- Each subject's current state, as last published. reasons = [{code, colour, since, until}]:
-- a running reason keeps its since (first seen) across re-evaluations. next_review_at = when time
-- alone can change the state (a reason ends, validity ends, a quarantine day passes).
CREATE TABLE risk_state (
    subject_id       TEXT        PRIMARY KEY,
    province         TEXT,
    colour           TEXT,
    previous_colour  TEXT,
    gold             BOOLEAN     NOT NULL DEFAULT false,
    reasons          TEXT        NOT NULL DEFAULT '[]',
    rule_set_version INTEGER,
    quarantine_until TIMESTAMPTZ,
    valid_until      TIMESTAMPTZ,
    evaluated_at     TIMESTAMPTZ,
    cause_event_id   TEXT,
    next_review_at   TIMESTAMPTZ
);
CREATE INDEX risk_state_due ON risk_state (next_review_at) WHERE next_review_at IS NOT NULL;
