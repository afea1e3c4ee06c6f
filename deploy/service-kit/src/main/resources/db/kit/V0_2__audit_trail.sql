-- Shared by every service: its audit trail. Staff reads of personal data (allowed or refused)
-- and every change of a subject's state, with its cause. Pseudonyms and account ids only.
--
-- Append-only: UPDATE and DELETE raise. TRUNCATE raises too, except inside the end-of-emergency
-- destruction (PersonalDataCare.destroy), which empties the trail and then records that it did.
CREATE TABLE audit_entry (
    seq        BIGSERIAL   PRIMARY KEY,
    at         TIMESTAMPTZ NOT NULL,
    actor      TEXT        NOT NULL,
    action     TEXT        NOT NULL,
    outcome    TEXT        NOT NULL CHECK (outcome IN ('ALLOWED', 'REFUSED', 'CHANGED', 'DONE')),
    subject_id TEXT,
    object     TEXT,
    province   TEXT,
    detail     TEXT
);
CREATE INDEX audit_entry_subject ON audit_entry (subject_id, at);
CREATE INDEX audit_entry_actor ON audit_entry (actor, at);
CREATE INDEX audit_entry_at ON audit_entry (at);

CREATE FUNCTION audit_entry_append_only() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' AND current_setting('healthcode.destroying', true) = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
