package org.healthcode.scan.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;
import org.junit.jupiter.api.Test;

class VenueValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void aPlaceHasNameTypeRegionAndAddressAndItsProvinceFollowsFromTheRegion() {
        Venue venue = VenueValidator.validate(new VenueForm("  西湖银泰 ", "MALL", "330106", "延安路98号", null, null, null), TODAY);
        assertEquals("西湖银泰", venue.name);
        assertEquals(VenueType.MALL, venue.type);
        assertEquals("330000", venue.province);
        assertNull(venue.vehicle);
    }

    @Test
    void aTransportVenueIsOneCarriageOfOneTripWrittenOneWay() {
        Venue venue = VenueValidator.validate(new VenueForm("G7311", "TRAIN", "330102", "杭州东站", " g 7311", "2026-11-23",
                "05"), TODAY);
        assertEquals("G7311", venue.vehicle);
        assertEquals(LocalDate.of(2026, 11, 23), venue.tripDate);
        assertEquals("05", venue.carriage);
        assertEquals("浙A12345", VenueValidator.validate(new VenueForm("K101", "BUS", "330106", "文三路", "浙A 12345",
                "2026-11-23", "1"), TODAY).vehicle);
    }

    @Test
    void everyBadFieldIsNamedAndNoValueIsEchoed() {
        assertFields(new VenueForm(null, null, null, null, null, null, null), "name", "address", "type", "regionCode");
        assertFields(new VenueForm("x".repeat(101), "mall", "330199", "a\u0000b", null, null, null),
                "name", "address", "type", "regionCode");
        assertFields(new VenueForm("CA982", "FLIGHT", "330106", "萧山机场", "CA 982!", "2026-13-01", "头等舱/1"),
                "vehicle", "carriage", "tripDate");
        assertFields(new VenueForm("西湖", "PARK", "330106", "孤山", "x", "2026-11-23", "1"),
                "vehicle", "tripDate", "carriage");
        ApiException e = assertThrows(ApiException.class, () -> VenueValidator.validate(null, TODAY));
        assertEquals(400, e.status());
    }

    @Test
    void aTripIsOfTodayUnderWaySinceUpToThreeDaysOrUpToThirtyDaysAhead() {
        for (String date : new String[] {"2026-11-19", "2026-11-22", "2026-12-22"}) {
            assertEquals(LocalDate.parse(date), VenueValidator.validate(new VenueForm("G7311", "TRAIN", "330102",
                    "杭州东站", "G7311", date, "05"), TODAY).tripDate);
        }
        for (String date : new String[] {"2026-11-18", "2026-12-23", "0001-01-01", "+99999-01-01", "2026-11-22T08:00"}) {
            ApiError error = assertThrows(ApiException.class, () -> VenueValidator.validate(new VenueForm("G7311",
                    "TRAIN", "330102", "杭州东站", "G7311", date, "05"), TODAY)).toError();
            assertEquals(List.of(new ApiError.Detail("tripDate",
                    "must be a date written yyyy-MM-dd, at most 3 days back and at most 30 days ahead")), error.details(),
                    date);
        }
    }

    private static void assertFields(VenueForm form, String... fields) {
        ApiException e = assertThrows(ApiException.class, () -> VenueValidator.validate(form, TODAY));
        ApiError error = e.toError();
        assertEquals("VALIDATION_FAILED", error.error());
        assertEquals(List.of(fields), error.details().stream().map(ApiError.Detail::field).toList());
        for (ApiError.Detail detail : error.details()) {
            for (String value : new String[] {form.name(), form.vehicle(), form.carriage(), form.tripDate()}) {
                if (value != null && value.length() > 1) {
                    assertEquals(false, detail.problem().contains(value), detail.problem());
                }
            }
        }
    }
}
