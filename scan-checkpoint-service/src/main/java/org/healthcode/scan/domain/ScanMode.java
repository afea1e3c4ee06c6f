package org.healthcode.scan.domain;

/** How a visit was recorded. */
public enum ScanMode {
    /** Staff scanned the citizen's code. */
    OPERATOR_SCAN,
    /** The citizen scanned the venue's poster. */
    VENUE_CHECKIN,
    /** Staff looked a person without a phone up by document. */
    ID_CARD,
    /** Checked in at the poster by a guardian, together with the guardian. */
    COMPANION,
    /** Staff scanned a printed paper code (a person without a phone): decided by the colour now. */
    PAPER_CODE
}
