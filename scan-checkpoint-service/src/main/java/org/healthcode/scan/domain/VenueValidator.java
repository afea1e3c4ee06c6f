package org.healthcode.scan.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.healthcode.kit.region.Regions;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;
import org.healthcode.kit.web.DateSpan;

/**
 * Checks a venue form and gives the values to store: every problem is reported with its field,
 * never with the value that was sent.
 */
public final class VenueValidator {

    static final int MAX_NAME = 100;
    static final int MAX_ADDRESS = 200;
    private static final Pattern VEHICLE = Pattern.compile("[\\p{L}\\p{N}-]{1,20}");
    private static final Pattern CARRIAGE = Pattern.compile("[\\p{L}\\p{N}-]{1,10}");
    /** A trip of today, under way since up to 3 days (the longest rail journeys), or up to 30 days ahead. */
    static final DateSpan TRIP = new DateSpan(3, 30);

    private VenueValidator() {
    }

    /**
     * A valid venue (without id and creator), or {@link ApiException} VALIDATION_FAILED naming each bad
     * field; {@code today} is the province's, for a trip's date.
     */
    public static Venue validate(VenueForm form, LocalDate today) {
        List<ApiError.Detail> problems = new ArrayList<>();
        if (form == null) {
            throw ApiException.invalid(List.of(new ApiError.Detail("name", "is required"),
                    new ApiError.Detail("type", "is required"), new ApiError.Detail("regionCode", "is required"),
                    new ApiError.Detail("address", "is required")));
        }
        Venue venue = new Venue();
        venue.name = text(form.name(), "name", MAX_NAME, problems);
        venue.address = text(form.address(), "address", MAX_ADDRESS, problems);
        venue.type = type(form.type(), problems);
        if (form.regionCode() == null || form.regionCode().isBlank()) {
            problems.add(new ApiError.Detail("regionCode", "is required"));
        } else if (!Regions.table().isKnown(form.regionCode())) {
            problems.add(new ApiError.Detail("regionCode", "is not a GB/T 2260 region code"));
        } else {
            venue.regionCode = form.regionCode();
            venue.province = Regions.provinceOf(form.regionCode());
        }
        if (venue.type != null && venue.type.transport()) {
            venue.vehicle = code(form.vehicle(), "vehicle", VEHICLE, "a plate, train or flight number", problems);
            venue.carriage = code(form.carriage(), "carriage", CARRIAGE, "a carriage or cabin", problems);
            venue.tripDate = date(form.tripDate(), today, problems);
        } else if (venue.type != null) {
            for (String[] field : new String[][] {{"vehicle", form.vehicle()}, {"tripDate", form.tripDate()},
                    {"carriage", form.carriage()}}) {
                if (field[1] != null) {
                    problems.add(new ApiError.Detail(field[0], "is only for BUS, TRAIN and FLIGHT venues"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return venue;
    }

    private static String text(String value, String field, int max, List<ApiError.Detail> problems) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            problems.add(new ApiError.Detail(field, "is required"));
            return null;
        }
        if (stripped.codePointCount(0, stripped.length()) > max) {
            problems.add(new ApiError.Detail(field, "must be at most " + max + " characters"));
            return null;
        }
        if (stripped.codePoints().anyMatch(Character::isISOControl)) {
            problems.add(new ApiError.Detail(field, "must not contain control characters"));
            return null;
        }
        return stripped;
    }

    private static VenueType type(String value, List<ApiError.Detail> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new ApiError.Detail("type", "is required"));
            return null;
        }
        for (VenueType type : VenueType.values()) {
            if (type.name().equals(value)) {
                return type;
            }
        }
        problems.add(new ApiError.Detail("type", "must be one of RESIDENTIAL_COMMUNITY, COMPANY, MALL, MARKET, HOSPITAL,"
                + " PARK, SCHOOL, BUS, TRAIN, FLIGHT"));
        return null;
    }

    /** Upper case without spaces, so that "g 1234" and "G1234" are one train. */
    private static String code(String value, String field, Pattern shape, String what, List<ApiError.Detail> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new ApiError.Detail(field, "is required for transport: " + what));
            return null;
        }
        String normalised = value.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (!shape.matcher(normalised).matches()) {
            problems.add(new ApiError.Detail(field, "must be " + what + ": letters, digits and '-'"));
            return null;
        }
        return normalised;
    }

    private static LocalDate date(String value, LocalDate today, List<ApiError.Detail> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new ApiError.Detail("tripDate", "is required for transport"));
            return null;
        }
        return TRIP.parse(value, "tripDate", today, problems::add);
    }
}
