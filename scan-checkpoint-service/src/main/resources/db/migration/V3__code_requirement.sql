-- Whether a code is still required at a kind of venue, per province. No row: required (the rule of
-- the emergency); an authority of the province stands a venue type down, or back up.
CREATE TABLE code_requirement (
    province   text        NOT NULL,
    venue_type text        NOT NULL,
    required   boolean     NOT NULL,
    changed_by text        NOT NULL,
    changed_at timestamptz NOT NULL,
    PRIMARY KEY (province, venue_type)
);
