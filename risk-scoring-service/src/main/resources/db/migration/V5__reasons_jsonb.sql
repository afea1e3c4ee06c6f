-- A subject's active reasons as jsonb, written and read by Hibernate's JSON mapping
-- (RiskStateRow.reasons): {"reasons": [{code, colour, since, until}]}, an object because Hibernate
-- Reactive cannot bind a bare array. The text written so far is that array already and is wrapped.
ALTER TABLE risk_state ALTER COLUMN reasons DROP DEFAULT;
ALTER TABLE risk_state ALTER COLUMN reasons TYPE jsonb USING jsonb_build_object('reasons', reasons::jsonb);
ALTER TABLE risk_state ALTER COLUMN reasons SET DEFAULT '{"reasons": []}'::jsonb;
