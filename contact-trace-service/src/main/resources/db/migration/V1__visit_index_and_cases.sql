-- The visit index: who scanned where and when, one narrow row per scan-recorded event, built for
-- tens of millions of rows. Pseudonyms only.
--
-- Column order is the bulk-load order: COPY visit FROM STDIN takes lines of
--   at <TAB> venue_id <TAB> subject_id <TAB> venue_type <TAB> scan_id
-- (fixed-width columns first, so rows carry no alignment padding).
--
-- Range-partitioned by the calendar month (UTC) of the scan: tracing reads a few weeks, so it
-- touches one or two partitions; expired months are dropped whole instead of deleted row by row.
-- Scans outside every month partition land in visit_default; ensure_visit_partition moves them
-- into their month when it is created.
CREATE TABLE visit (
    at         TIMESTAMPTZ NOT NULL,
    venue_id   UUID        NOT NULL,
    subject_id TEXT        NOT NULL,
    venue_type TEXT        NOT NULL,
    scan_id    TEXT        NOT NULL
) PARTITION BY RANGE (at);

-- Tracing: who else was at this venue around this time.
CREATE INDEX visit_venue_at ON visit (venue_id, at);
-- Tracing: where was this subject between these times.
CREATE INDEX visit_subject_at ON visit (subject_id, at);
-- Idempotence: a redelivered scan is one visit. A unique index of a partitioned table must hold
-- the partition key; a scanId is published once, always with the same time, so (scan_id, at) is
-- as unique as scan_id.
CREATE UNIQUE INDEX visit_scan ON visit (scan_id, at);

CREATE TABLE visit_default PARTITION OF visit DEFAULT;

-- Creates the partition of the UTC month holding month_in unless it exists, moving any of its
-- rows out of visit_default first. Answers whether it created one. Replicas may race: an advisory
-- lock serialises them.
CREATE FUNCTION ensure_visit_partition(month_in TIMESTAMPTZ) RETURNS BOOLEAN
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    lo_utc TIMESTAMP   := date_trunc('month', month_in AT TIME ZONE 'UTC');
    lo     TIMESTAMPTZ := lo_utc AT TIME ZONE 'UTC';
    hi     TIMESTAMPTZ := (lo_utc + INTERVAL '1 month') AT TIME ZONE 'UTC';
    part   TEXT        := 'visit_' || to_char(lo_utc, 'YYYY_MM');
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('contact_trace.visit_partitions'));
    IF to_regclass(part) IS NOT NULL THEN
        RETURN FALSE;
    END IF;
    -- Hold new scans of that month back (they would land in the default partition) while moving.
    LOCK TABLE visit_default IN ACCESS EXCLUSIVE MODE;
    EXECUTE format('CREATE TABLE %I (LIKE visit INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part);
    EXECUTE format('WITH moved AS (DELETE FROM visit_default WHERE at >= $1 AND at < $2 '
                   'RETURNING at, venue_id, subject_id, venue_type, scan_id) '
                   'INSERT INTO %I SELECT * FROM moved', part) USING lo, hi;
    EXECUTE format('ALTER TABLE visit ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
    RETURN TRUE;
END
$$;

-- Makes sure every month from the one holding from_at on, for months_count months, has its
-- partition. Answers how many it created.
CREATE FUNCTION ensure_visit_partitions(from_at TIMESTAMPTZ, months_count INTEGER) RETURNS INTEGER
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    created INTEGER := 0;
    first_month TIMESTAMP := date_trunc('month', from_at AT TIME ZONE 'UTC');
BEGIN
    FOR i IN 0 .. months_count - 1 LOOP
        IF ensure_visit_partition((first_month + make_interval(months => i)) AT TIME ZONE 'UTC') THEN
            created := created + 1;
        END IF;
    END LOOP;
    RETURN created;
END
$$;

-- Retention: drops every month partition that ends at or before cutoff and deletes older rows
-- from the default partition. Answers how many partitions it dropped.
CREATE FUNCTION drop_visit_partitions_before(cutoff TIMESTAMPTZ) RETURNS INTEGER
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    expired RECORD;
    dropped INTEGER := 0;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('contact_trace.visit_partitions'));
    FOR expired IN
        SELECT c.relname FROM pg_inherits i
        JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'visit'::regclass AND c.relname ~ '^visit_[0-9]{4}_[0-9]{2}$'
    LOOP
        IF (to_date(substr(expired.relname, 7), 'YYYY_MM')::TIMESTAMP + INTERVAL '1 month') AT TIME ZONE 'UTC'
                <= cutoff THEN
            EXECUTE format('DROP TABLE %I', expired.relname);
            dropped := dropped + 1;
        END IF;
    END LOOP;
    DELETE FROM visit_default WHERE at < cutoff;
    RETURN dropped;
END
$$;

-- The previous, current and next two months exist from the start; PartitionMaintenance keeps
-- creating months ahead.
SELECT ensure_visit_partitions(now() - INTERVAL '1 month', 4);

-- A subject's case in a province, as the health authority decided it. At most one open (not
-- cleared) case per subject and province; after clearing, a new confirmation opens a new case.
CREATE TABLE trace_case (
    id                UUID        PRIMARY KEY,
    subject_id        TEXT        NOT NULL,
    province          TEXT        NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('CONFIRMED', 'SUSPECTED', 'CLEARED')),
    onset_date        DATE,
    region_code       TEXT        NOT NULL,
    confirmed_at      TIMESTAMPTZ,
    status_changed_at TIMESTAMPTZ NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX trace_case_open ON trace_case (subject_id, province) WHERE status <> 'CLEARED';
CREATE INDEX trace_case_subject ON trace_case (subject_id, province, status_changed_at);

-- Every decision about a case, append-only: who (the staff account, never a name), what, when.
CREATE TABLE case_decision (
    case_id    UUID        NOT NULL REFERENCES trace_case (id),
    status     TEXT        NOT NULL,
    onset_date DATE,
    decided_by TEXT        NOT NULL,
    decided_at TIMESTAMPTZ NOT NULL,
    published  BOOLEAN     NOT NULL
);
CREATE INDEX case_decision_case ON case_decision (case_id, decided_at);

-- The contacts a case exposed, each once: the unique (case_id, contact_subject_id) key is what
-- makes contact-identified go out once per contact however often the case is traced.
-- source_subject_id: the case for degree 1, the close contact who exposed them for degree 2.
CREATE TABLE contact (
    trace_id           UUID        PRIMARY KEY,
    case_id            UUID        NOT NULL REFERENCES trace_case (id),
    contact_subject_id TEXT        NOT NULL,
    source_subject_id  TEXT        NOT NULL,
    degree             SMALLINT    NOT NULL CHECK (degree IN (1, 2)),
    exposure           TEXT        NOT NULL CHECK (exposure IN ('CLOSE', 'TRANSPORT', 'SPATIOTEMPORAL')),
    venue_id           UUID        NOT NULL,
    overlap_from       TIMESTAMPTZ NOT NULL,
    overlap_to         TIMESTAMPTZ NOT NULL,
    identified_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT contact_once UNIQUE (case_id, contact_subject_id)
);
-- The epidemiologists' listing: by degree, then by the start of the overlap.
CREATE INDEX contact_listing ON contact (case_id, degree, overlap_from, contact_subject_id);
