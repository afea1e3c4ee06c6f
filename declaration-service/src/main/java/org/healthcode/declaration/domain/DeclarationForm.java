package org.healthcode.declaration.domain;

import java.util.List;

/**
 * A declaration as submitted. Dates and codes stay text here so that every bad field can be
 * reported together by {@link DeclarationValidator}.
 */
public record DeclarationForm(List<Travel> travel, Boolean contactWithCase, List<String> symptoms,
        Double temperature, Vaccination vaccination, Inbound inbound) {

    public record Travel(String regionCode, String from, String to) {
    }

    public record Vaccination(Integer doses, String lastDose) {
    }

    public record Inbound(String flight, String fromCountry, String arrivalDate, String port) {
    }
}
