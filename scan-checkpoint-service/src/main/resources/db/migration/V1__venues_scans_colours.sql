-- Venues: places with a poster code. A transport venue is one carriage or cabin of one trip, and
-- each exists once, so that "same carriage" is "same venue" for tracing.
CREATE TABLE venue (
    id          UUID        PRIMARY KEY,
    name        TEXT        NOT NULL,
    type        TEXT        NOT NULL CHECK (type IN ('RESIDENTIAL_COMMUNITY', 'COMPANY', 'MALL', 'MARKET', 'HOSPITAL',
                                                     'PARK', 'SCHOOL', 'BUS', 'TRAIN', 'FLIGHT')),
    region_code TEXT        NOT NULL,
    province    TEXT        NOT NULL,
    address     TEXT        NOT NULL,
    vehicle     TEXT,
    trip_date   DATE,
    carriage    TEXT,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT venue_transport_trip CHECK (
        (type IN ('BUS', 'TRAIN', 'FLIGHT')) = (vehicle IS NOT NULL AND trip_date IS NOT NULL AND carriage IS NOT NULL)),
    CONSTRAINT venue_place_no_trip CHECK (
        type IN ('BUS', 'TRAIN', 'FLIGHT') OR (vehicle IS NULL AND trip_date IS NULL AND carriage IS NULL))
);
CREATE UNIQUE INDEX venue_transport_unique ON venue (type, vehicle, trip_date, carriage) WHERE vehicle IS NOT NULL;

-- Each subject's current colour, as the latest risk-recalculated event gave it (pseudonym only).
CREATE TABLE subject_colour (
    subject_id   TEXT        PRIMARY KEY,
    colour       TEXT        NOT NULL CHECK (colour IN ('GREEN', 'YELLOW', 'RED')),
    gold         BOOLEAN     NOT NULL,
    province     TEXT,
    evaluated_at TIMESTAMPTZ NOT NULL,  -- an event evaluated earlier than this is stale
    updated_at   TIMESTAMPTZ NOT NULL
);

-- Every scan attempt, allowed, denied or forged, once per client-chosen scan id (a retry finds the
-- first answer here). subject_id is null when no trusted key vouched for the code. No token, name
-- or document is kept: the fingerprint (SHA-256 of the request) only tells a retry from a reuse.
CREATE TABLE scan_attempt (
    scan_id        TEXT        PRIMARY KEY,
    mode           TEXT        NOT NULL CHECK (mode IN ('OPERATOR_SCAN', 'VENUE_CHECKIN', 'ID_CARD', 'COMPANION')),
    venue_id       UUID        NOT NULL REFERENCES venue (id),
    operator       TEXT        NOT NULL,  -- token subject of the caller: staff, or the citizen's account
    subject_id     TEXT,
    province       TEXT,                  -- the holder's: the code's issuer or the stored colour's
    decision       TEXT        NOT NULL CHECK (decision IN ('ALLOW', 'DENY')),
    reason         TEXT,
    colour_at_scan TEXT        CHECK (colour_at_scan IN ('GREEN', 'YELLOW', 'RED')),
    gold           BOOLEAN,
    fingerprint    TEXT        NOT NULL,
    at             TIMESTAMPTZ NOT NULL,
    CONSTRAINT scan_attempt_reason CHECK ((decision = 'ALLOW') = (reason IS NULL))
);
-- Retention purges by age; an operator reviews a venue's attempts.
CREATE INDEX scan_attempt_at ON scan_attempt (at);
CREATE INDEX scan_attempt_venue ON scan_attempt (venue_id, at);

-- Staff looking a person up by document at a checkpoint: who (staff), whom (pseudonym), why,
-- when, where. Append-only: the database refuses to change or remove a row.
CREATE TABLE id_card_audit (
    id                BIGSERIAL   PRIMARY KEY,
    operator          TEXT        NOT NULL,
    operator_province TEXT,
    subject_id        TEXT        NOT NULL,
    venue_id          UUID        NOT NULL REFERENCES venue (id),
    scan_id           TEXT        NOT NULL,
    purpose           TEXT        NOT NULL,
    at                TIMESTAMPTZ NOT NULL
);
CREATE INDEX id_card_audit_subject ON id_card_audit (subject_id, at);

CREATE FUNCTION id_card_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'id_card_audit is append-only';
END
$$;
CREATE TRIGGER id_card_audit_no_change BEFORE UPDATE OR DELETE ON id_card_audit
    FOR EACH ROW EXECUTE FUNCTION id_card_audit_append_only();
CREATE TRIGGER id_card_audit_no_truncate BEFORE TRUNCATE ON id_card_audit
    FOR EACH STATEMENT EXECUTE FUNCTION id_card_audit_append_only();
