package org.healthcode.kit.code.token;

/**
 * Where a province's code-signing key is in its life, as the national trust list says: a checkpoint
 * notices the difference only for {@link #REVOKED}, whose every code it refuses.
 */
public enum KeyStatus {
    /** The province signs codes with it now. */
    ACTIVE,
    /** No longer signs; the codes it signed inside its window still verify until they expire. */
    RETIRED,
    /** Compromised or withdrawn: every code it ever signed is refused ({@link Rejection#REVOKED_KEY}). */
    REVOKED
}
