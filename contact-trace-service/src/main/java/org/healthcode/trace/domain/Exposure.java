package org.healthcode.trace.domain;

/** How a contact was exposed, by the link that made them a contact. */
public enum Exposure {
    /** Same venue within the close window (red). */
    CLOSE,
    /** Same carriage or cabin of a trip within the transport window (red). */
    TRANSPORT,
    /** Same venue within the wider window but not close (yellow). */
    SPATIOTEMPORAL;

    /** Close and transport links make a close contact, whose own contacts are degree 2. */
    public boolean isClose() {
        return this != SPATIOTEMPORAL;
    }
}
