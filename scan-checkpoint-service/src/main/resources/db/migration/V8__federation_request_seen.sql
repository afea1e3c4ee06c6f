-- Colour requests from other provinces (POST /v1/federation/colour) answered here, by sending
-- province and request id (the message's jti), kept until the request expires: the same signed
-- request again is a replay and is refused. No personal data, only ids and an expiry; expired rows
-- are deleted by the next request.
CREATE TABLE federation_request_seen (
    from_province TEXT        NOT NULL,
    request_id    TEXT        NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (from_province, request_id)
);
CREATE INDEX federation_request_seen_expires ON federation_request_seen (expires_at);
