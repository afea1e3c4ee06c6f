package org.healthcode.risk.domain;

/** How a traced contact met the case (or, for degree 2, the close contact). */
public enum Exposure {
    /** Same venue within the close window. */
    CLOSE,
    /** Same carriage or cabin of a trip. */
    TRANSPORT,
    /** Same venue within the wider window, not close. */
    SPATIOTEMPORAL
}
