package org.healthcode.declaration.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class AppealValidatorTest {

    private static final String REASON = "我没有去过高风险地区，请核实。\n行程码可以证明。";

    @Test
    void anAppealForOneselfLeavesTheSubjectOutAndKeepsTheReasonsLines() {
        AppealValidator.Filing filing = AppealValidator.filing(new AppealForm(null, "  " + REASON + "\n "));
        assertNull(filing.subjectId());
        assertEquals(REASON, filing.reason());
        assertEquals("dependent-subject", AppealValidator.filing(new AppealForm(" dependent-subject ", "x")).subjectId());
    }

    @Test
    void aReasonIsOneToAThousandCharactersCountedAsPeopleCountThem() {
        assertEquals(1000, AppealValidator.filing(new AppealForm(null, "红".repeat(1000))).reason().length());
        // An emoji is two UTF-16 units but one character.
        String emoji = "\uD83D\uDE37".repeat(1000);
        assertEquals(emoji, AppealValidator.filing(new AppealForm(null, emoji)).reason());
        assertRefused(() -> AppealValidator.filing(new AppealForm(null, "红".repeat(1001))), "reason");
        assertRefused(() -> AppealValidator.filing(new AppealForm(null, " \n ")), "reason");
        assertRefused(() -> AppealValidator.filing(new AppealForm(null, null)), "reason");
        assertRefused(() -> AppealValidator.filing(new AppealForm(null, "a\u0000b")), "reason");
        assertRefused(() -> AppealValidator.filing(new AppealForm(" ", "fine")), "subjectId");
        assertRefused(() -> AppealValidator.filing(null), "body");
    }

    @Test
    void everyBadFieldOfAnAnswerIsReportedWithoutTheText() {
        String note = "x".repeat(1001) + "secret-words";
        ApiError error = assertThrows(ApiException.class,
                () -> AppealValidator.answer(new AnswerForm("MAYBE", note))).toError();
        assertEquals(List.of("decision", "note"), fields(error));
        assertFalse(error.toString().contains("secret-words"), "echoes the note");
        assertFalse(error.toString().contains("MAYBE"), "echoes the input");
        assertRefused(() -> AppealValidator.answer(new AnswerForm("OPEN", "ok")), "decision");
        assertRefused(() -> AppealValidator.answer(new AnswerForm("UPHELD", "")), "note");
        assertRefused(() -> AppealValidator.answer(null), "body");

        AppealValidator.Answer answer = AppealValidator.answer(new AnswerForm("UPHELD", " 核实无误，已纠正。 "));
        assertEquals(AppealDecision.UPHELD, answer.decision());
        assertEquals(AppealStatus.UPHELD, answer.decision().status());
        assertEquals("核实无误，已纠正。", answer.note());
        assertEquals(AppealStatus.REJECTED, AppealDecision.REJECTED.status());
    }

    @Test
    void theQueueIsTheOpenOnesUnlessAskedOtherwiseAndBounded() {
        assertEquals(new AppealValidator.Queue(AppealStatus.OPEN, 100), AppealValidator.queue(null, null));
        assertEquals(new AppealValidator.Queue(AppealStatus.REJECTED, 500), AppealValidator.queue("REJECTED", "500"));
        assertEquals(1, AppealValidator.queue("OPEN", "1").limit());
        assertRefused(() -> AppealValidator.queue("open", null), "status");
        for (String limit : new String[] {"0", "501", "ten", "", "-3"}) {
            assertRefused(() -> AppealValidator.queue(null, limit), "limit");
        }
        ApiError both = assertThrows(ApiException.class, () -> AppealValidator.queue("CLOSED", "0")).toError();
        assertEquals(List.of("status", "limit"), fields(both));
    }

    @Test
    void formsAndValidatedTextNeverPrintTheirText() {
        for (Object printed : List.of(new AppealForm("s", REASON), new AnswerForm("UPHELD", REASON),
                new AppealValidator.Filing("s", REASON), new AppealValidator.Answer(AppealDecision.UPHELD, REASON))) {
            assertFalse(printed.toString().contains("高风险"), printed.getClass().getSimpleName());
        }
    }

    private static void assertRefused(Executable call, String field) {
        ApiError error = assertThrows(ApiException.class, call).toError();
        assertEquals("VALIDATION_FAILED", error.error());
        assertEquals(List.of(field), fields(error));
    }

    private static List<String> fields(ApiError error) {
        return error.details().stream().map(ApiError.Detail::field).toList();
    }
}
