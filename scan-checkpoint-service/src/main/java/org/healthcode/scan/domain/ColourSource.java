package org.healthcode.scan.domain;

/**
 * Whose word the colour of a decision is: the issuing province's current colour ({@code ISSUER}:
 * this province's own table for its residents, or the home province's answer for a visitor), or
 * the colour written in the code itself ({@code TOKEN}: the home province could not be asked and the
 * province policy {@code scan.foreign-colour-fallback} is {@code TOKEN}).
 */
public enum ColourSource {
    ISSUER, TOKEN
}
