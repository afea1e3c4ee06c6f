package org.healthcode.declaration.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What a person declared, validated. Nothing in it identifies the person, so it is what is
 * stored with the declaration and what the event carries.
 */
public record DeclarationContent(List<Travel> travel, boolean contactWithCase, List<Symptom> symptoms,
        double temperature, Vaccination vaccination, Inbound inbound) {

    public record Travel(String regionCode, LocalDate from, LocalDate to) {
    }

    public record Vaccination(int doses, LocalDate lastDose) {
    }

    /** An international arrival; absent for everyone else. */
    public record Inbound(String flight, String fromCountry, LocalDate arrivalDate, String port) {
    }

    public static DeclarationContent checkin(List<Symptom> symptoms, double temperature) {
        return new DeclarationContent(List.of(), false, symptoms, temperature, null, null);
    }
}
