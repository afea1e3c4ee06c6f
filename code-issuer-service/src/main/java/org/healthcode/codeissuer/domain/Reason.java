package org.healthcode.codeissuer.domain;

import java.time.Instant;
import org.healthcode.kit.code.Colour;

/** Why a subject has its colour and until when; {@code until} null means open-ended. */
public record Reason(String code, Colour colour, Instant since, Instant until) {
}
