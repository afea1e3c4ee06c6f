-- The residential community a person named: a RESIDENTIAL_COMMUNITY venue (scan-checkpoint-service's)
-- of the person's province, at most one a person. Naming it is the resident's own choice (a guardian's
-- for a dependent); leaving deletes the row. The venue's name, region and province are copied when it
-- is named (a venue never changes), so a community worker's list needs no other service.
CREATE TABLE community_member (
    id          UUID        PRIMARY KEY,  -- the line's id in a worker's list (never the person's)
    person_id   UUID        NOT NULL UNIQUE REFERENCES person (id),
    venue_id    UUID        NOT NULL,
    venue_name  TEXT        NOT NULL,
    region_code TEXT        NOT NULL,
    province    TEXT        NOT NULL,
    named_at    TIMESTAMPTZ NOT NULL
);
-- A worker's list: the residents of one community.
CREATE INDEX community_member_venue ON community_member (venue_id, province);
