-- For a service that takes authority imports (Imports), which adds db/kit-imports to its
-- quarkus.flyway.locations: one row per file taken in, and one per row applied, so that the same
-- file uploaded twice, or a row repeated in another file, is applied once. The file is known by the SHA-256 of its bytes, a row by the SHA-256 of the key
-- its service gives it (built from pseudonyms, never from a document number). The report names
-- row numbers and field names only. A service that imports lists both tables in its PersonalData.
CREATE TABLE import_batch (
    import_id  UUID        PRIMARY KEY,
    kind       TEXT        NOT NULL,
    province   TEXT        NOT NULL,
    file_hash  TEXT        NOT NULL,
    actor      TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL,
    report     JSONB       NOT NULL,
    UNIQUE (kind, province, file_hash)
);
CREATE INDEX import_batch_at ON import_batch (at);

CREATE TABLE import_row (
    kind      TEXT        NOT NULL,
    province  TEXT        NOT NULL,
    row_key   TEXT        NOT NULL,
    import_id UUID        NOT NULL,
    at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (kind, province, row_key)
);
CREATE INDEX import_row_at ON import_row (at);
