package org.healthcode.declaration.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.healthcode.kit.region.Regions;
import org.healthcode.kit.web.DateSpan;

/**
 * Checks a declaration or check-in against today in the province's time zone, and answers its
 * validated content or refuses with every problem at once.
 */
public final class DeclarationValidator {

    /** How far back travel and arrivals matter to the rules (DESIGN.md, Rules). */
    static final int LOOK_BACK_DAYS = 14;
    /** A trip declared ended within the look-back, and began at most a year before today. */
    static final DateSpan TRAVEL_FROM = DateSpan.past(365);
    static final DateSpan TRAVEL_TO = DateSpan.past(LOOK_BACK_DAYS);
    static final DateSpan ARRIVAL = DateSpan.past(LOOK_BACK_DAYS);
    /** The last dose of a vaccination, within the last ten years. */
    static final DateSpan LAST_DOSE = DateSpan.past(3650);
    static final int MAX_TRAVEL_ENTRIES = 50;
    private static final double LOWEST_TEMPERATURE = 34.0;
    private static final double HIGHEST_TEMPERATURE = 43.0;
    private static final int MAX_DOSES = 10;
    private static final Pattern FLIGHT = Pattern.compile("[A-Z0-9]{2}[0-9]{1,4}[A-Z]?");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final LocalDate today;
    private final Violations problems = new Violations();

    private DeclarationValidator(LocalDate today) {
        this.today = today;
    }

    public static DeclarationContent declaration(DeclarationForm form, LocalDate today) {
        DeclarationValidator check = new DeclarationValidator(today);
        if (form == null) {
            check.problems.add("body", "is required");
            check.problems.throwIfAny();
        }
        DeclarationContent content = new DeclarationContent(check.travel(form.travel()),
                Boolean.TRUE.equals(form.contactWithCase()), check.symptoms(form.symptoms()),
                check.temperature(form.temperature()), check.vaccination(form.vaccination()),
                check.inbound(form.inbound()));
        check.problems.throwIfAny();
        return content;
    }

    public static DeclarationContent checkin(CheckinForm form, LocalDate today) {
        DeclarationValidator check = new DeclarationValidator(today);
        if (form == null) {
            check.problems.add("body", "is required");
            check.problems.throwIfAny();
        }
        DeclarationContent content = DeclarationContent.checkin(check.symptoms(form.symptoms()),
                check.temperature(form.temperature()));
        check.problems.throwIfAny();
        return content;
    }

    /**
     * An imported itinerary (one row of the authority's file): the regions passed through, each
     * GB/T 2260, all from {@code from} to {@code to}, checked as declared travel is (fields
     * {@code regions}, {@code from}, {@code to}).
     */
    public static List<DeclarationContent.Travel> itinerary(List<String> regions, String from, String to,
            LocalDate today) {
        DeclarationValidator check = new DeclarationValidator(today);
        if (regions.isEmpty()) {
            check.problems.add("regions", "is required");
        } else if (regions.size() > MAX_TRAVEL_ENTRIES) {
            check.problems.add("regions", "must name at most " + MAX_TRAVEL_ENTRIES + " regions");
        }
        List<String> codes = new ArrayList<>();
        for (String code : new LinkedHashSet<>(regions)) {
            codes.add(check.region(code, "regions"));
        }
        LocalDate start = check.problems.date(from, "from", TRAVEL_FROM, today);
        LocalDate end = check.problems.date(to, "to", TRAVEL_TO, today);
        if (start != null && end != null && start.isAfter(end)) {
            check.problems.add("from", "must not be after to");
        }
        check.problems.throwIfAny();
        return codes.stream().map(code -> new DeclarationContent.Travel(code, start, end)).toList();
    }

    private List<DeclarationContent.Travel> travel(List<DeclarationForm.Travel> entries) {
        if (entries == null) {
            return List.of();
        }
        if (entries.size() > MAX_TRAVEL_ENTRIES) {
            problems.add("travel", "must have at most " + MAX_TRAVEL_ENTRIES + " entries");
            return List.of();
        }
        List<DeclarationContent.Travel> travel = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String field = "travel[" + i + "]";
            DeclarationForm.Travel entry = problems.required(entries.get(i), field);
            if (entry == null) {
                continue;
            }
            String region = region(entry.regionCode(), field + ".regionCode");
            LocalDate from = problems.date(entry.from(), field + ".from", TRAVEL_FROM, today);
            LocalDate to = problems.date(entry.to(), field + ".to", TRAVEL_TO, today);
            if (from != null && to != null && from.isAfter(to)) {
                problems.add(field + ".from", "must not be after to");
            }
            travel.add(new DeclarationContent.Travel(region, from, to));
        }
        return List.copyOf(travel);
    }

    private List<Symptom> symptoms(List<String> names) {
        if (names == null) {
            return List.of();
        }
        Set<Symptom> symptoms = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            Symptom symptom = problems.oneOf(Symptom.class, names.get(i), "symptoms[" + i + "]");
            if (symptom != null) {
                symptoms.add(symptom);
            }
        }
        return List.copyOf(symptoms);
    }

    private double temperature(Double temperature) {
        if (problems.required(temperature, "temperature") == null) {
            return Double.NaN;
        }
        if (temperature < LOWEST_TEMPERATURE || temperature > HIGHEST_TEMPERATURE) {
            problems.add("temperature", "must be between " + LOWEST_TEMPERATURE + " and " + HIGHEST_TEMPERATURE);
        }
        return temperature;
    }

    private DeclarationContent.Vaccination vaccination(DeclarationForm.Vaccination vaccination) {
        if (vaccination == null) {
            return null;
        }
        Integer doses = problems.required(vaccination.doses(), "vaccination.doses");
        if (doses != null && (doses < 0 || doses > MAX_DOSES)) {
            problems.add("vaccination.doses", "must be between 0 and " + MAX_DOSES);
        }
        LocalDate lastDose = null;
        if (doses != null && doses > 0) {
            lastDose = problems.date(vaccination.lastDose(), "vaccination.lastDose", LAST_DOSE, today);
        } else if (vaccination.lastDose() != null) {
            problems.add("vaccination.lastDose", "must be absent when doses is 0");
        }
        return new DeclarationContent.Vaccination(doses == null ? 0 : doses, lastDose);
    }

    private DeclarationContent.Inbound inbound(DeclarationForm.Inbound inbound) {
        if (inbound == null) {
            return null;
        }
        String flight = problems.required(inbound.flight(), "inbound.flight");
        if (flight != null) {
            flight = flight.replace(" ", "").toUpperCase(Locale.ROOT);
            if (!FLIGHT.matcher(flight).matches()) {
                problems.add("inbound.flight", "must be a flight number such as CA982");
            }
        }
        String country = problems.required(inbound.fromCountry(), "inbound.fromCountry");
        if (country != null) {
            country = country.strip().toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(country) || country.equals("CN")) {
                problems.add("inbound.fromCountry", "must be an ISO 3166 alpha-2 country code other than CN");
            }
        }
        LocalDate arrival = problems.date(inbound.arrivalDate(), "inbound.arrivalDate", ARRIVAL, today);
        String port = problems.required(inbound.port(), "inbound.port");
        if (port != null) {
            port = port.strip();
            if (port.length() < 2 || port.length() > 40) {
                problems.add("inbound.port", "must be 2 to 40 characters");
            }
        }
        return new DeclarationContent.Inbound(flight, country, arrival, port);
    }

    private String region(String code, String field) {
        if (problems.required(code, field) != null && !Regions.table().isKnown(code)) {
            problems.add(field, "is not a known GB/T 2260 region code");
        }
        return code;
    }
}
