package org.healthcode.risk.domain;

/** Why a code is not green (DESIGN.md, Rules). */
public enum ReasonCode {
    CONFIRMED_CASE,
    SUSPECTED_CASE,
    CLOSE_CONTACT,
    HIGH_RISK_TRAVEL,
    INBOUND_INTERNATIONAL,
    DECLARED_CONTACT,
    SECONDARY_CONTACT,
    SPATIOTEMPORAL,
    MEDIUM_RISK_TRAVEL,
    SYMPTOMS,
    MANUAL_OVERRIDE
}
