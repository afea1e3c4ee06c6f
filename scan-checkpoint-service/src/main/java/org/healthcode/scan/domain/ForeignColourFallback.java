package org.healthcode.scan.domain;

/**
 * This province's policy for a visitor's code when their home province cannot be asked for the
 * current colour (unreachable, too slow, an error, or not taking part in federation):
 * {@code TOKEN} decides by the colour in the code (as every checkpoint did before federation),
 * {@code DENY} refuses with {@link DenyReason#HOME_PROVINCE_UNREACHABLE}.
 */
public enum ForeignColourFallback {
    TOKEN, DENY
}
