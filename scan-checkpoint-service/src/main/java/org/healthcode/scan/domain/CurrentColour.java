package org.healthcode.scan.domain;

import java.time.Instant;
import org.healthcode.kit.code.Colour;

/** A subject's colour as the latest risk-recalculated event gave it; {@code province} as risk-scoring named it. */
public record CurrentColour(String subjectId, Colour colour, boolean gold, String province, Instant evaluatedAt) {
}
