package org.healthcode.risk.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.healthcode.risk.domain.Submission;
import org.healthcode.risk.domain.Travel;

/**
 * The part of declaration-service's {@code declaration-submitted} event that the rules read.
 * Unknown and unneeded fields (flight, port, last dose…) are ignored, so they are never stored here.
 * Kind TRAVEL (source AUTHORITY) is travel the health authority imported: its stays count like
 * declared ones, but it is no submission of the person's (no symptoms, no day of declaring).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeclarationSubmitted(
        String declarationId,
        String subjectId,
        String kind,
        String regionCode,
        List<Stay> travel,
        boolean contactWithCase,
        List<String> symptoms,
        BigDecimal temperature,
        Vaccination vaccination,
        Inbound inbound,
        Instant declaredAt) {

    public static final String TOPIC = "declaration-submitted";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stay(String regionCode, LocalDate from, LocalDate to) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Vaccination(Integer doses) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Inbound(LocalDate arrivalDate) {
    }

    /** The facts the rules read. A check-in states neither contact, vaccination nor arrival. */
    public Submission toSubmission() {
        Set<String> declaredSymptoms = symptoms == null ? Set.of()
                : symptoms.stream().filter(s -> s != null && !s.isBlank()).collect(Collectors.toSet());
        if (!isFull()) {
            return Submission.checkIn(declaredAt, regionCode, declaredSymptoms, temperature);
        }
        return new Submission(declaredAt, true, regionCode, declaredSymptoms, temperature,
                vaccination == null ? null : vaccination.doses(), contactWithCase,
                inbound == null ? null : inbound.arrivalDate());
    }

    public List<Travel> toTravel() {
        if (!(isFull() || isAuthorityTravel()) || travel == null) {
            return List.of();
        }
        return travel.stream().map(s -> new Travel(s.regionCode(), s.from(), s.to(), declaredAt)).toList();
    }

    public boolean isFull() {
        return "FULL".equals(kind);
    }

    /** Travel only, imported by the authority: no submission of the person's. */
    public boolean isAuthorityTravel() {
        return "TRAVEL".equals(kind);
    }

    /** What a usable event must carry; anything else goes to the dead-letter topic. */
    public boolean isComplete() {
        return declarationId != null && subjectId != null && declaredAt != null
                && ("FULL".equals(kind) || "DAILY_CHECKIN".equals(kind) || "TRAVEL".equals(kind))
                && (travel == null || travel.stream().allMatch(s -> s != null && s.regionCode() != null
                        && s.from() != null && s.to() != null));
    }
}
