-- ID-card lookups move to the kit's audit trail (audit_entry, action ID_CARD_LOOKUP), append-only
-- like id_card_audit was, and beside every other staff read. The rows already logged are copied
-- over (who, whom, when, where, why and the scan), then the old table goes.
INSERT INTO audit_entry (at, actor, action, outcome, subject_id, object, province, detail)
SELECT at, operator, 'ID_CARD_LOOKUP', 'ALLOWED', subject_id, venue_id::text, operator_province,
       purpose || ' scan=' || scan_id
FROM id_card_audit
ORDER BY id;

DROP TABLE id_card_audit;
DROP FUNCTION id_card_audit_append_only();
