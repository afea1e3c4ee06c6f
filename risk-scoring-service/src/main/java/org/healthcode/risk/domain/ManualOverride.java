package org.healthcode.risk.domain;

import java.time.Instant;

/**
 * A colour the health authority set for a subject (proposed by one authority, approved by a
 * second): in force from its approval ({@code since}) until {@code until}.
 */
public record ManualOverride(Colour colour, Instant since, Instant until) {

    public boolean isActiveAt(Instant now) {
        return !since.isAfter(now) && until.isAfter(now);
    }
}
