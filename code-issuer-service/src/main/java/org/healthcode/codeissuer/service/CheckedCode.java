package org.healthcode.codeissuer.service;

import org.healthcode.codeissuer.domain.CurrentColour;
import org.healthcode.kit.code.token.Verification;

/** A verified token and, for a valid one, its holder's colour now (null when none is known). */
public record CheckedCode(Verification verification, CurrentColour current) {
}
