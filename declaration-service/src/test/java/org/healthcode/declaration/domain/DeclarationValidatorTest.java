package org.healthcode.declaration.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;
import org.junit.jupiter.api.Test;

class DeclarationValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void aFullDeclarationIsAccepted() {
        DeclarationContent content = DeclarationValidator.declaration(new DeclarationForm(
                List.of(new DeclarationForm.Travel("420106", "2026-11-10", "2026-11-12")), true,
                List.of("FEVER", "DRY_COUGH", "FEVER"), 37.9,
                new DeclarationForm.Vaccination(3, "2022-05-01"),
                new DeclarationForm.Inbound("ca 982", "us", "2026-11-20", " PVG ")), TODAY);
        assertEquals(List.of(new DeclarationContent.Travel("420106", LocalDate.of(2026, 11, 10),
                LocalDate.of(2026, 11, 12))), content.travel());
        assertEquals(true, content.contactWithCase());
        assertEquals(List.of(Symptom.FEVER, Symptom.DRY_COUGH), content.symptoms());
        assertEquals(37.9, content.temperature());
        assertEquals(new DeclarationContent.Vaccination(3, LocalDate.of(2022, 5, 1)), content.vaccination());
        assertEquals(new DeclarationContent.Inbound("CA982", "US", LocalDate.of(2026, 11, 20), "PVG"), content.inbound());
    }

    @Test
    void onlyTemperatureIsRequired() {
        DeclarationContent content = DeclarationValidator.declaration(
                new DeclarationForm(null, null, null, 36.5, null, null), TODAY);
        assertEquals(List.of(), content.travel());
        assertEquals(false, content.contactWithCase());
        assertEquals(List.of(), content.symptoms());
        assertNull(content.vaccination());
        assertNull(content.inbound());
    }

    @Test
    void theLimitsThemselvesAreAccepted() {
        DeclarationValidator.declaration(new DeclarationForm(
                List.of(new DeclarationForm.Travel("110000", "2026-11-01", "2026-11-08"),
                        new DeclarationForm.Travel("330106", "2026-11-22", "2026-11-22")),
                false, List.of(), 34.0, new DeclarationForm.Vaccination(10, "2026-11-22"),
                new DeclarationForm.Inbound("9C8888A", "HK", "2026-11-08", "XY")), TODAY);
        DeclarationValidator.checkin(new CheckinForm(List.of(), 43.0), TODAY);
    }

    @Test
    void everyBadFieldIsReportedTogether() {
        DeclarationForm form = new DeclarationForm(
                Arrays.asList(new DeclarationForm.Travel("999999", "2026-11-12", "2026-11-10"),
                        new DeclarationForm.Travel("420106", "2026-10-01", "2026-11-07"),
                        new DeclarationForm.Travel("420106", "2026-11-20", "2026-11-23"),
                        new DeclarationForm.Travel(null, "2026-13-01", null),
                        null),
                false, List.of("FEVER", "SNEEZING"), 43.1,
                new DeclarationForm.Vaccination(11, null),
                new DeclarationForm.Inbound("CA98765", "CN", "2026-11-07", "X"));
        ApiError error = assertThrows(ApiException.class, () -> DeclarationValidator.declaration(form, TODAY)).toError();
        assertEquals("VALIDATION_FAILED", error.error());
        assertEquals(List.of(
                "travel[0].regionCode", "travel[0].from",
                "travel[1].to",
                "travel[2].to",
                "travel[3].regionCode", "travel[3].from", "travel[3].to",
                "travel[4]",
                "symptoms[1]", "temperature", "vaccination.doses", "vaccination.lastDose",
                "inbound.flight", "inbound.fromCountry", "inbound.arrivalDate", "inbound.port"), fields(error));
        assertFalse(error.toString().contains("SNEEZING"), "echoes input");
    }

    @Test
    void aLastDoseIsNeededWithDosesAndInTheFuture() {
        ApiError error = assertThrows(ApiException.class, () -> DeclarationValidator.declaration(
                new DeclarationForm(null, false, null, 36.6, new DeclarationForm.Vaccination(2, "2026-11-23"), null),
                TODAY)).toError();
        assertEquals(List.of("vaccination.lastDose"), fields(error));
        assertEquals("must be a date written yyyy-MM-dd, not in the future and at most 3650 days back",
                error.details().get(0).problem());

        error = assertThrows(ApiException.class, () -> DeclarationValidator.declaration(
                new DeclarationForm(null, false, null, 36.6, new DeclarationForm.Vaccination(0, "2022-01-01"), null),
                TODAY)).toError();
        assertEquals(List.of("vaccination.lastDose"), fields(error));
    }

    @Test
    void everyDateIsWithinASpanThatMakesSenseForItsField() {
        DeclarationForm yearOne = new DeclarationForm(List.of(new DeclarationForm.Travel("420106", "0001-01-01",
                "0001-01-02")), false, null, 36.6, new DeclarationForm.Vaccination(2, "0001-01-01"),
                new DeclarationForm.Inbound("CA982", "US", "0001-01-01", "PVG"));
        ApiError error = assertThrows(ApiException.class, () -> DeclarationValidator.declaration(yearOne, TODAY))
                .toError();
        assertEquals(List.of(
                new ApiError.Detail("travel[0].from", "must be a date written yyyy-MM-dd, not in the future and at most"
                        + " 365 days back"),
                new ApiError.Detail("travel[0].to", "must be a date written yyyy-MM-dd, not in the future and at most"
                        + " 14 days back"),
                new ApiError.Detail("vaccination.lastDose", "must be a date written yyyy-MM-dd, not in the future and"
                        + " at most 3650 days back"),
                new ApiError.Detail("inbound.arrivalDate", "must be a date written yyyy-MM-dd, not in the future and"
                        + " at most 14 days back")), error.details());

        DeclarationForm farFuture = new DeclarationForm(List.of(new DeclarationForm.Travel("420106", "2026-11-20",
                "+99999-01-01")), false, null, 36.6, new DeclarationForm.Vaccination(2, "9999-12-31"),
                new DeclarationForm.Inbound("CA982", "US", "2026-11-23", "PVG"));
        assertEquals(List.of("travel[0].to", "vaccination.lastDose", "inbound.arrivalDate"), fields(assertThrows(
                ApiException.class, () -> DeclarationValidator.declaration(farFuture, TODAY)).toError()));

        // one day past each end of the span is refused; the ends themselves are accepted
        assertEquals(List.of("travel[0].from", "vaccination.lastDose"), fields(assertThrows(ApiException.class,
                () -> DeclarationValidator.declaration(new DeclarationForm(List.of(new DeclarationForm.Travel("420106",
                        TODAY.minusDays(366).toString(), TODAY.toString())), false, null, 36.6,
                        new DeclarationForm.Vaccination(1, TODAY.minusDays(3651).toString()), null), TODAY)).toError()));
        DeclarationValidator.declaration(new DeclarationForm(List.of(new DeclarationForm.Travel("420106",
                TODAY.minusDays(365).toString(), TODAY.minusDays(14).toString())), false, null, 36.6,
                new DeclarationForm.Vaccination(1, TODAY.minusDays(3650).toString()), null), TODAY);
    }

    @Test
    void anInboundArrivalNeedsAllItsFields() {
        ApiError error = assertThrows(ApiException.class, () -> DeclarationValidator.declaration(
                new DeclarationForm(null, false, null, 36.6, null, new DeclarationForm.Inbound(null, null, null, null)),
                TODAY)).toError();
        assertEquals(List.of("inbound.flight", "inbound.fromCountry", "inbound.arrivalDate", "inbound.port"),
                fields(error));
    }

    @Test
    void aCheckinIsSymptomsAndTemperatureOnly() {
        DeclarationContent content = DeclarationValidator.checkin(new CheckinForm(List.of("FATIGUE"), 36.8), TODAY);
        assertEquals(DeclarationContent.checkin(List.of(Symptom.FATIGUE), 36.8), content);

        ApiError error = assertThrows(ApiException.class, () -> DeclarationValidator.checkin(
                new CheckinForm(Collections.singletonList(null), null), TODAY)).toError();
        assertEquals(List.of("symptoms[0]", "temperature"), fields(error));
        assertEquals(List.of("body"), fields(assertThrows(ApiException.class,
                () -> DeclarationValidator.checkin(null, TODAY)).toError()));
    }

    private static List<String> fields(ApiError error) {
        return error.details().stream().map(ApiError.Detail::field).toList();
    }
}
