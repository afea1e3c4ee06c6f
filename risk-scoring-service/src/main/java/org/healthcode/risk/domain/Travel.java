package org.healthcode.risk.domain;

import java.time.Instant;
import java.time.LocalDate;

/** A place a subject declared having been, and when the declaration saying so was made. */
public record Travel(String regionCode, LocalDate from, LocalDate to, Instant declaredAt) {
}
