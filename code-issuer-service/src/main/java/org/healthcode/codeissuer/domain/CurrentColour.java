package org.healthcode.codeissuer.domain;

import java.time.Instant;
import java.util.List;
import org.healthcode.kit.code.Colour;

/** The latest colour risk-scoring gave a subject, as the code shows it. */
public record CurrentColour(String subjectId, Colour colour, boolean gold, List<Reason> reasons,
        Instant validUntil, Instant quarantineUntil, Instant evaluatedAt) {

    public CurrentColour {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** Gold is a mark on top of green only; a yellow or red code never shows it. */
    public boolean goldMark() {
        return gold && colour == Colour.GREEN;
    }

    /** After {@code validUntil} the code asks the holder to declare again. */
    public boolean declarationDue(Instant now) {
        return validUntil != null && !now.isBefore(validUntil);
    }
}
