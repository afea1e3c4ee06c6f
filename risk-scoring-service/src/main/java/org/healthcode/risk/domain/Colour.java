package org.healthcode.risk.domain;

/** The colour of a health code, from least to most restrictive. */
public enum Colour {
    GREEN, YELLOW, RED;

    public boolean isWorseThan(Colour other) {
        return compareTo(other) > 0;
    }
}
