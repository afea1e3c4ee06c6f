package org.healthcode.codeissuer.service;

import org.healthcode.codeissuer.domain.CurrentColour;
import org.healthcode.kit.code.token.IssuedToken;

/** A freshly signed token for a subject's current colour. */
public record IssuedCode(CurrentColour current, IssuedToken token) {
}
