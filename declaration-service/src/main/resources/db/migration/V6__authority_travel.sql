-- Travel the health authority imported (POST /v1/imports/itineraries): a declaration of kind TRAVEL
-- from source AUTHORITY, stored and published like a resident's so that the rules count it. It
-- belongs to a pseudonym, not to a registration: the person may not have registered yet, and a
-- resident's own days of declarations (the roster, "declared today") never count it.
ALTER TABLE declaration DROP CONSTRAINT declaration_kind_check;
ALTER TABLE declaration
    ALTER COLUMN person_id DROP NOT NULL,
    ADD COLUMN source TEXT NOT NULL DEFAULT 'RESIDENT' CHECK (source IN ('RESIDENT', 'AUTHORITY')),
    ADD CONSTRAINT declaration_kind_check CHECK (kind IN ('FULL', 'DAILY_CHECKIN', 'TRAVEL')),
    ADD CONSTRAINT declaration_source_person CHECK ((source = 'RESIDENT') = (person_id IS NOT NULL)),
    ADD CONSTRAINT declaration_authority_travel CHECK ((source = 'AUTHORITY') = (kind = 'TRAVEL'));
CREATE INDEX declaration_subject ON declaration (subject_id, declared_at) WHERE source = 'AUTHORITY';
