package org.healthcode.declaration.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;
import org.junit.jupiter.api.Test;

class RegistrationValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void aValidRegistrationIsNormalised() {
        Identity identity = RegistrationValidator.self(new RegistrationForm(" 张三 ", "RESIDENT_ID",
                "11010519491231002x", "+86 138 1234 5678", "330106", null), TODAY);
        assertEquals("张三", identity.name());
        assertEquals(DocumentType.RESIDENT_ID, identity.documentType());
        assertEquals("11010519491231002X", identity.documentNumber());
        assertEquals("13812345678", identity.phone());
        assertEquals("330106", identity.regionCode());
    }

    @Test
    void everyBadFieldIsReportedAtOnceWithoutItsValue() {
        RegistrationForm form = new RegistrationForm("张3", "RESIDENT_ID", "110105194912310021", "12345",
                "999999", null);
        ApiException refusal = assertThrows(ApiException.class, () -> RegistrationValidator.self(form, TODAY));
        ApiError error = refusal.toError();
        assertEquals("VALIDATION_FAILED", error.error());
        assertEquals(List.of("name", "documentNumber", "phone", "regionCode"), fields(error));
        String text = error.toString();
        for (String value : new String[] {"张3", "110105194912310021", "12345", "999999"}) {
            assertFalse(text.contains(value), "echoes input");
        }
    }

    @Test
    void thePhoneIsCheckedByTheDocument() {
        RegistrationForm resident = new RegistrationForm("张三", "RESIDENT_ID", "11010519491231002X", "+1 415 555 0123",
                "330106", null);
        ApiError error = assertThrows(ApiException.class, () -> RegistrationValidator.self(resident, TODAY)).toError();
        assertEquals(List.of(new ApiError.Detail("phone",
                "must be a mainland mobile number (11 digits starting 13 to 19, optionally after +86)")), error.details());

        Identity visitor = RegistrationValidator.self(new RegistrationForm("Anna Müller", "PASSPORT", "E1234567",
                "+1 415 555 0123", "330106", null), TODAY);
        assertEquals("+14155550123", visitor.phone());
        assertEquals("+85291234567", RegistrationValidator.dependent(new RegistrationForm("陈大文", "HK_MACAO_PERMIT",
                "H12345678", "+852 9123 4567", "330106", "PARENT"), TODAY).identity().phone());

        for (String type : new String[] {"RESIDENT_ID", "PASSPORT"}) {
            String number = type.equals("PASSPORT") ? "E1234567" : "11010519491231002X";
            ApiError signed = assertThrows(ApiException.class, () -> RegistrationValidator.self(
                    new RegistrationForm("张三", type, number, "-13900000007", "330106", null), TODAY)).toError();
            assertEquals(List.of("phone"), fields(signed), type);
            assertFalse(signed.toString().contains("13900000007"), "echoes input");
        }
    }

    @Test
    void aNameIsLettersNotCodeOrPictures() {
        for (String name : new String[] {"Robert'); DROP TABLE person;--", "张三😀", "张\ud800三", "张三3"}) {
            ApiError error = assertThrows(ApiException.class, () -> RegistrationValidator.self(new RegistrationForm(
                    name, "RESIDENT_ID", "11010519491231002X", "13812345678", "330106", null), TODAY)).toError();
            assertEquals(List.of("name"), fields(error), name);
            assertEquals("must be 1 to 50 letters (Chinese characters or Latin letters, accents included) in words joined"
                    + " by single spaces, middle dots (·), hyphens or apostrophes; no digits, symbols or emoji",
                    error.details().get(0).problem());
            assertFalse(error.toString().contains(name), "echoes input");
        }
        assertEquals("买买提·艾力", RegistrationValidator.dependent(new RegistrationForm("买买提・艾力", "RESIDENT_ID",
                "11010519491231002X", null, "330106", "CHILD"), TODAY).identity().name());
    }

    @Test
    void missingFieldsAreRequired() {
        ApiError error = assertThrows(ApiException.class, () -> RegistrationValidator.self(
                new RegistrationForm(null, null, " ", null, null, null), TODAY)).toError();
        assertEquals(List.of("name", "documentType", "documentNumber", "phone", "regionCode"), fields(error));
        assertTrue(error.details().stream().allMatch(detail -> detail.problem().equals("is required")));
    }

    @Test
    void anUnknownDocumentTypeIsNamedAndTheNumberNotJudged() {
        ApiError error = assertThrows(ApiException.class, () -> RegistrationValidator.self(
                new RegistrationForm("张三", "DRIVING_LICENCE", "X1", "13812345678", "330106", null), TODAY)).toError();
        assertEquals(List.of("documentType"), fields(error));
    }

    @Test
    void aDependentNeedsARelationButNoPhone() {
        RegistrationValidator.Dependent dependent = RegistrationValidator.dependent(new RegistrationForm("李四",
                "PASSPORT", "e1234567", null, "330106", "PARENT"), TODAY);
        assertEquals(Relation.PARENT, dependent.relation());
        assertNull(dependent.identity().phone());
        assertEquals("E1234567", dependent.identity().documentNumber());

        ApiError error = assertThrows(ApiException.class, () -> RegistrationValidator.dependent(
                new RegistrationForm("李四", "PASSPORT", "E1234567", null, "330106", "COUSIN"), TODAY)).toError();
        assertEquals(List.of("relation"), fields(error));
    }

    @Test
    void aDocumentAloneIsCheckedAsAtRegistration() {
        Document document = RegistrationValidator.document(new DocumentForm("RESIDENT_ID", " 11010519491231002x "), TODAY);
        assertEquals(DocumentType.RESIDENT_ID, document.type());
        assertEquals("11010519491231002X", document.number());
        assertFalse(document.toString().contains("11010519491231002X"));

        ApiError wrongCheckDigit = assertThrows(ApiException.class, () -> RegistrationValidator.document(
                new DocumentForm("RESIDENT_ID", "110105194912310021"), TODAY)).toError();
        assertEquals(List.of("documentNumber"), fields(wrongCheckDigit));
        assertFalse(wrongCheckDigit.toString().contains("110105194912310021"), "echoes input");
        assertEquals(List.of("documentType", "documentNumber"), fields(assertThrows(ApiException.class,
                () -> RegistrationValidator.document(new DocumentForm(null, ""), TODAY)).toError()));
        assertEquals(List.of("documentType"), fields(assertThrows(ApiException.class,
                () -> RegistrationValidator.document(new DocumentForm("DRIVING_LICENCE", "X1"), TODAY)).toError()));
        assertEquals(List.of("body"), fields(assertThrows(ApiException.class,
                () -> RegistrationValidator.document(null, TODAY)).toError()));
        assertFalse(new DocumentForm("PASSPORT", "E1234567").toString().contains("E1234567"));
    }

    @Test
    void noBodyIsRefused() {
        assertEquals(List.of("body"), fields(assertThrows(ApiException.class,
                () -> RegistrationValidator.self(null, TODAY)).toError()));
    }

    @Test
    void formsAndIdentitiesNeverPrintPersonalData() {
        RegistrationForm form = new RegistrationForm("张三", "RESIDENT_ID", "11010519491231002X", "13812345678",
                "330106", null);
        Identity identity = RegistrationValidator.self(form, TODAY);
        for (String text : new String[] {form.toString(), identity.toString()}) {
            assertFalse(text.contains("张三") || text.contains("11010519491231002X") || text.contains("13812345678"));
        }
    }

    private static List<String> fields(ApiError error) {
        return error.details().stream().map(ApiError.Detail::field).toList();
    }
}
