-- A transport manifest's passenger sits in a known seat (manifest-passenger-imported): the visit
-- keeps it, so that tracing can tell passengers far apart in one carriage (Seat.CLOSE_ROWS). Null
-- for every scan. Added last, so the bulk-load order of the other columns is unchanged (a COPY names
-- its columns: at, venue_id, subject_id, venue_type, scan_id[, seat]). Adding a column to the
-- partitioned parent adds it to every partition, visit_default included; without a default it
-- rewrites nothing.
ALTER TABLE visit ADD COLUMN seat TEXT;

-- The partition of a month moves its rows out of visit_default with their seat.
CREATE OR REPLACE FUNCTION ensure_visit_partition(month_in TIMESTAMPTZ) RETURNS BOOLEAN
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
                   'RETURNING at, venue_id, subject_id, venue_type, scan_id, seat) '
                   'INSERT INTO %I (at, venue_id, subject_id, venue_type, scan_id, seat) '
                   'SELECT * FROM moved', part) USING lo, hi;
    EXECUTE format('ALTER TABLE visit ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
    RETURN TRUE;
END
$$;
