-- Organisations (employers resuming work) and the people who joined them. An organisation is
-- registered by its staff account under its unified social credit code and waits for an authority
-- of its province (the code's registration region) to approve it; only then has it an invitation
-- code people can join with. A membership exists only while the person consents: leaving deletes it.
CREATE TABLE organisation (
    id              UUID        PRIMARY KEY,
    uscc            TEXT        NOT NULL UNIQUE,
    name            TEXT        NOT NULL,
    province        TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'APPROVED')),
    staff_account   TEXT        NOT NULL UNIQUE,  -- the OIDC sub of the account that registered it
    invitation_code TEXT        UNIQUE,
    registered_at   TIMESTAMPTZ NOT NULL,
    approved_at     TIMESTAMPTZ,
    approved_by     TEXT,       -- the authority's account (sub)
    CONSTRAINT organisation_approved CHECK ((status = 'APPROVED')
        = (invitation_code IS NOT NULL AND approved_at IS NOT NULL AND approved_by IS NOT NULL))
);
-- The authority's queue: a province's organisations by status, oldest first.
CREATE INDEX organisation_queue ON organisation (province, status, registered_at);

CREATE TABLE membership (
    id              UUID        PRIMARY KEY,
    organisation_id UUID        NOT NULL REFERENCES organisation (id),
    person_id       UUID        NOT NULL REFERENCES person (id),
    consented_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT membership_once UNIQUE (organisation_id, person_id)
);
CREATE INDEX membership_person ON membership (person_id);
