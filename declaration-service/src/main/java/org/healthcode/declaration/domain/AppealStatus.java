package org.healthcode.declaration.domain;

/** Where an appeal stands: waiting for the authority, or answered one way or the other. */
public enum AppealStatus {
    OPEN, UPHELD, REJECTED
}
