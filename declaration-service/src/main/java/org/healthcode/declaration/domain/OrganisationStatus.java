package org.healthcode.declaration.domain;

/** An organisation waits for an authority of its province before anyone can join it. */
public enum OrganisationStatus {
    PENDING, APPROVED
}
