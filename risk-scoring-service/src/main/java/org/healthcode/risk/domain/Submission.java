package org.healthcode.risk.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * One accepted declaration ({@code full}) or daily check-in. A check-in carries only symptoms and
 * temperature; {@code vaccinationDoses} and {@code arrivalDate} are {@code null} when not declared.
 */
public record Submission(
        Instant declaredAt,
        boolean full,
        String regionCode,
        Set<String> symptoms,
        BigDecimal temperature,
        Integer vaccinationDoses,
        boolean contactWithCase,
        LocalDate arrivalDate) {

    public Submission {
        symptoms = symptoms == null ? Set.of() : Set.copyOf(symptoms);
    }

    public static Submission checkIn(Instant declaredAt, String regionCode, Set<String> symptoms, BigDecimal temperature) {
        return new Submission(declaredAt, false, regionCode, symptoms, temperature, null, false, null);
    }
}
