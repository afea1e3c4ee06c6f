-- A registered person. Identity data (name, document, phone) arrives with registration and is
-- stored encrypted; here only the link between the OIDC account and the pseudonym.
CREATE TABLE person (
    id              UUID        PRIMARY KEY,
    account_subject TEXT        NOT NULL UNIQUE,  -- the OIDC "sub" of the account that registered
    subject_id      TEXT        NOT NULL UNIQUE,  -- the pseudonym used everywhere else
    registered_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
