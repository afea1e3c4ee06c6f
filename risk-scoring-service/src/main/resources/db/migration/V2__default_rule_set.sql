-- Version 1 of the rules for any province: the defaults of DESIGN §5. durationDays null = until
-- the authority or a later submission ends it.
INSERT INTO rule_set (province, version, effective_from, definition) VALUES ('*', 1, '2020-01-01T00:00:00Z', $${
  "reasons": {
    "CONFIRMED_CASE":        {"colour": "RED",    "durationDays": null},
    "SUSPECTED_CASE":        {"colour": "RED",    "durationDays": null},
    "CLOSE_CONTACT":         {"colour": "RED",    "durationDays": 14},
    "HIGH_RISK_TRAVEL":      {"colour": "RED",    "durationDays": 14},
    "INBOUND_INTERNATIONAL": {"colour": "RED",    "durationDays": 14},
    "DECLARED_CONTACT":      {"colour": "RED",    "durationDays": 14},
    "SECONDARY_CONTACT":     {"colour": "YELLOW", "durationDays": 7},
    "SPATIOTEMPORAL":        {"colour": "YELLOW", "durationDays": 7},
    "MEDIUM_RISK_TRAVEL":    {"colour": "YELLOW", "durationDays": 7},
    "SYMPTOMS":              {"colour": "YELLOW", "durationDays": null}
  },
  "symptoms": {
    "feverCelsius": 37.3,
    "respiratory": ["DRY_COUGH", "STUFFY_NOSE", "RUNNY_NOSE", "SORE_THROAT"],
    "respiratoryNeeded": 2
  },
  "fullVaccinationDoses": 2,
  "lookBackDays": 14
}$$);
