package org.healthcode.scan.domain;

/** What the checkpoint does: let the person in, or not. */
public enum Decision {
    ALLOW, DENY
}
