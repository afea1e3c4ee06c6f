-- Registration: identity data encrypted with the data key (AES-256-GCM, nonce || ciphertext+tag,
-- the person's id as associated data) plus the masked forms that anyone else may see. Only
-- subject_id, the keyed hash of the document, is used for lookups; its uniqueness is what makes
-- one person per document.
-- A person is either an account holder (account_subject) or a dependent (guardian_id, relation).
ALTER TABLE person ALTER COLUMN account_subject DROP NOT NULL;
ALTER TABLE person
    ADD COLUMN guardian_id               UUID REFERENCES person (id),
    ADD COLUMN relation                  TEXT,
    ADD COLUMN document_type             TEXT  NOT NULL,
    ADD COLUMN region_code               TEXT  NOT NULL,
    ADD COLUMN name_encrypted            BYTEA NOT NULL,
    ADD COLUMN document_number_encrypted BYTEA NOT NULL,
    ADD COLUMN phone_encrypted           BYTEA,
    ADD COLUMN masked_name               TEXT  NOT NULL,
    ADD COLUMN masked_document_number    TEXT  NOT NULL,
    ADD COLUMN masked_phone              TEXT,
    ADD CONSTRAINT person_account_or_guardian CHECK ((account_subject IS NULL) <> (guardian_id IS NULL)),
    ADD CONSTRAINT person_dependent_relation CHECK ((guardian_id IS NULL) = (relation IS NULL)),
    ADD CONSTRAINT person_relation CHECK (relation IN ('PARENT', 'CHILD', 'SPOUSE', 'OTHER')),
    ADD CONSTRAINT person_document_type
        CHECK (document_type IN ('RESIDENT_ID', 'PASSPORT', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT')),
    ADD CONSTRAINT person_account_has_phone CHECK (account_subject IS NULL OR phone_encrypted IS NOT NULL);
CREATE INDEX person_guardian ON person (guardian_id) WHERE guardian_id IS NOT NULL;

-- Declarations and daily check-ins as accepted and published: the pseudonym and the declared
-- content only (no name, document or phone).
CREATE TABLE declaration (
    id          UUID        PRIMARY KEY,
    kind        TEXT        NOT NULL CHECK (kind IN ('FULL', 'DAILY_CHECKIN')),
    subject_id  TEXT        NOT NULL,
    person_id   UUID        NOT NULL REFERENCES person (id),
    payload     JSONB       NOT NULL,
    declared_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX declaration_person ON declaration (person_id, declared_at);
-- Retention purges by age.
CREATE INDEX declaration_declared_at ON declaration (declared_at);
