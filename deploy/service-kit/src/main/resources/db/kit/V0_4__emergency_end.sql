-- Shared by every service: the end of the emergency, once. From then the service refuses new
-- intake (EmergencyEnd, on every resource method marked @Intake) and an admin may destroy its
-- personal data. It names an admin account only, and outlives the destruction: after it, intake
-- stays refused.
CREATE TABLE emergency_end (
    id       SMALLINT    PRIMARY KEY CHECK (id = 1),
    ended_at TIMESTAMPTZ NOT NULL,
    ended_by TEXT        NOT NULL
);
