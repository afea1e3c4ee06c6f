package org.healthcode.risk.domain;

/** The risk level the health authority gives a region. */
public enum RiskLevel {
    LOW, MEDIUM, HIGH
}
