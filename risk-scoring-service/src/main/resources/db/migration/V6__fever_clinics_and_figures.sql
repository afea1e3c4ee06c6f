-- The fever clinics an authority lists for its province's regions: public information (a clinic's
-- telephone is the clinic's, not a person's). Looked up by region range (a city or province code
-- covers every county within it), hence the index on region_code.
CREATE TABLE fever_clinic (
    id            UUID        PRIMARY KEY,
    name          TEXT        NOT NULL,
    address       TEXT        NOT NULL,
    region_code   TEXT        NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
    province      TEXT        NOT NULL,
    opening_hours TEXT        NOT NULL,
    telephone     TEXT        NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX fever_clinic_region ON fever_clinic (region_code);

-- A subject's home region (the county of their last declaration, or of their case until they
-- declare), so that the explanation of SYMPTOMS names the clinics near them and the public figures
-- count codes per region. Filled in for the subjects known so far from their latest declaration.
ALTER TABLE risk_state ADD COLUMN region_code TEXT;
UPDATE risk_state s SET region_code = (
    SELECT m.region_code FROM submission m
    WHERE m.subject_id = s.subject_id AND m.region_code ~ '^[0-9]{6}$'
    ORDER BY m.declared_at DESC LIMIT 1);
-- codes by colour within a region range: an index-only count
CREATE INDEX risk_state_region_colour ON risk_state (region_code, colour) WHERE colour IS NOT NULL;

-- Where a case is: the region the authority gave with the decision, else the subject's home region
-- when the decision arrived. Counted per region and day by the public figures.
ALTER TABLE case_decision ADD COLUMN region_code TEXT;
UPDATE case_decision d SET region_code = (SELECT s.region_code FROM risk_state s WHERE s.subject_id = d.subject_id);
CREATE INDEX case_decision_region ON case_decision (region_code, decided_at);
