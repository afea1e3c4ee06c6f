package org.healthcode.declaration.domain;

/** How a dependent is related to the guardian who registered them. */
public enum Relation {
    PARENT, CHILD, SPOUSE, OTHER
}
