package org.healthcode.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.healthcode.risk.domain.ColourExplanation.ReasonText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The plain-language explanation, per reason code, in Chinese and English. */
class ColourExplanationTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");
    static final Instant SINCE = Instant.parse("2026-11-21T02:00:00Z");
    /** Local midnight starting 5 December 2026. */
    static final Instant DEC_5 = LocalDate.of(2026, 12, 5).atStartOfDay(ZONE).toInstant();
    static final Instant VALID_UNTIL = LocalDate.of(2026, 11, 23).atStartOfDay(ZONE).toInstant();

    static ReasonText explain(ReasonCode code, Colour colour, Instant until, Language language) {
        RiskState state = new RiskState(colour, false, List.of(new Reason(code, colour, SINCE, until)), 1, until,
                VALID_UNTIL, null);
        ReasonText text = ColourExplanation.of(state, language, ZONE, NOW).reasons().get(0);
        assertEquals(code, text.code());
        assertEquals(SINCE, text.since());
        assertEquals(until, text.until());
        return text;
    }

    static void assertTexts(ReasonText actual, String title, String text, String action) {
        assertEquals(title, actual.title());
        assertEquals(text, actual.text());
        assertEquals(action, actual.action());
    }

    @Test
    void confirmedCase() {
        assertTexts(explain(ReasonCode.CONFIRMED_CASE, Colour.RED, null, Language.EN), "Confirmed case",
                "The health authority has confirmed that you have the disease.",
                "Follow your doctor's instructions; the health authority clears the case.");
        assertTexts(explain(ReasonCode.CONFIRMED_CASE, Colour.RED, null, Language.ZH), "确诊病例",
                "卫生健康部门已确认您为确诊病例。", "请遵医嘱；由卫生健康部门解除病例。");
    }

    @Test
    void suspectedCase() {
        assertTexts(explain(ReasonCode.SUSPECTED_CASE, Colour.RED, null, Language.EN), "Suspected case",
                "The health authority considers you a suspected case.",
                "Follow your doctor's instructions; the health authority confirms or clears the case.");
        assertTexts(explain(ReasonCode.SUSPECTED_CASE, Colour.RED, null, Language.ZH), "疑似病例",
                "卫生健康部门将您列为疑似病例。", "请遵医嘱；由卫生健康部门确诊或排除。");
    }

    @Test
    void closeContact() {
        assertTexts(explain(ReasonCode.CLOSE_CONTACT, Colour.RED, DEC_5, Language.EN), "Close contact",
                "Contact tracing found that you were close to a confirmed case.",
                "Check in every day up to and including 2026-12-04; this reason ends on 2026-12-05.");
        assertTexts(explain(ReasonCode.CLOSE_CONTACT, Colour.RED, DEC_5, Language.ZH), "密切接触者",
                "流调发现您曾与确诊病例密切接触。", "请每天打卡至2026年12月4日（含），该原因于2026年12月5日解除。");
    }

    @Test
    void highRiskTravel() {
        assertTexts(explain(ReasonCode.HIGH_RISK_TRAVEL, Colour.RED, DEC_5, Language.EN), "Stay in a high-risk area",
                "You declared a stay in an area that is now high-risk.",
                "Check in every day up to and including 2026-12-04; this reason ends on 2026-12-05.");
        assertTexts(explain(ReasonCode.HIGH_RISK_TRAVEL, Colour.RED, DEC_5, Language.ZH), "高风险地区旅居史",
                "您申报曾在现为高风险的地区停留。", "请每天打卡至2026年12月4日（含），该原因于2026年12月5日解除。");
    }

    @Test
    void inboundInternational() {
        assertTexts(explain(ReasonCode.INBOUND_INTERNATIONAL, Colour.RED, DEC_5, Language.EN), "Arrival from abroad",
                "You declared an arrival from abroad.",
                "Check in every day up to and including 2026-12-04; this reason ends on 2026-12-05.");
        assertTexts(explain(ReasonCode.INBOUND_INTERNATIONAL, Colour.RED, DEC_5, Language.ZH), "境外入境",
                "您申报了境外入境。", "请每天打卡至2026年12月4日（含），该原因于2026年12月5日解除。");
    }

    @Test
    void declaredContact() {
        assertTexts(explain(ReasonCode.DECLARED_CONTACT, Colour.RED, DEC_5, Language.EN),
                "Declared contact with a case", "You declared contact with a confirmed or suspected case.",
                "Check in every day up to and including 2026-12-04; this reason ends on 2026-12-05.");
        assertTexts(explain(ReasonCode.DECLARED_CONTACT, Colour.RED, DEC_5, Language.ZH), "自报病例接触史",
                "您申报曾接触确诊或疑似病例。", "请每天打卡至2026年12月4日（含），该原因于2026年12月5日解除。");
    }

    @Test
    void secondaryContact() {
        assertTexts(explain(ReasonCode.SECONDARY_CONTACT, Colour.YELLOW, DEC_5, Language.EN),
                "Contact of a close contact", "Contact tracing found that you met a close contact of a case.",
                "Check in every day up to and including 2026-12-04; this reason ends on 2026-12-05.");
        assertTexts(explain(ReasonCode.SECONDARY_CONTACT, Colour.YELLOW, DEC_5, Language.ZH), "密接的密接",
                "流调发现您曾接触病例的密切接触者。", "请每天打卡至2026年12月4日（含），该原因于2026年12月5日解除。");
    }

    @Test
    void spatiotemporal() {
        assertTexts(explain(ReasonCode.SPATIOTEMPORAL, Colour.YELLOW, DEC_5, Language.EN),
                "Same place and time as a case",
                "Contact tracing found that you were at the same place at about the same time as a case.",
                "Check in every day up to and including 2026-12-04; this reason ends on 2026-12-05.");
        assertTexts(explain(ReasonCode.SPATIOTEMPORAL, Colour.YELLOW, DEC_5, Language.ZH), "时空伴随",
                "流调发现您与病例曾在相近时间出现在同一场所。", "请每天打卡至2026年12月4日（含），该原因于2026年12月5日解除。");
    }

    @Test
    void mediumRiskTravel() {
        assertTexts(explain(ReasonCode.MEDIUM_RISK_TRAVEL, Colour.YELLOW, DEC_5, Language.EN),
                "Stay in a medium-risk area", "You declared a stay in an area that is now medium-risk.",
                "Check in every day up to and including 2026-12-04; this reason ends on 2026-12-05.");
        assertTexts(explain(ReasonCode.MEDIUM_RISK_TRAVEL, Colour.YELLOW, DEC_5, Language.ZH), "中风险地区旅居史",
                "您申报曾在现为中风险的地区停留。", "请每天打卡至2026年12月4日（含），该原因于2026年12月5日解除。");
    }

    @Test
    void symptoms() {
        assertTexts(explain(ReasonCode.SYMPTOMS, Colour.YELLOW, null, Language.EN), "Symptoms",
                "You reported fever or respiratory symptoms.", "Check in without symptoms to turn green.");
        assertTexts(explain(ReasonCode.SYMPTOMS, Colour.YELLOW, null, Language.ZH), "健康状况异常",
                "您报告了发热或呼吸道症状。", "无症状打卡后即可转为绿码。");
    }

    @Test
    void manualOverride() {
        assertTexts(explain(ReasonCode.MANUAL_OVERRIDE, Colour.GREEN, DEC_5, Language.EN),
                "Set by the health authority", "The health authority reviewed your code and set its colour.",
                "Set by the health authority until 2026-12-05.");
        assertTexts(explain(ReasonCode.MANUAL_OVERRIDE, Colour.GREEN, DEC_5, Language.ZH), "卫生健康部门设定",
                "卫生健康部门复核了您的健康码并设定了颜色。", "由卫生健康部门设定，有效期至2026年12月5日。");
    }

    @ParameterizedTest
    @EnumSource(ReasonCode.class)
    void everyReasonIsExplainedInBothLanguagesWithoutAnythingAboutAnotherPerson(ReasonCode code) {
        for (Language language : Language.values()) {
            ReasonText text = explain(code, Colour.RED, DEC_5, language);
            for (String words : List.of(text.title(), text.text(), text.action())) {
                assertFalse(words == null || words.isBlank(), code + " " + language);
                assertFalse(words.contains("case-") || words.contains("venue") || words.contains("场所："), words);
            }
        }
    }

    @Test
    void theSummarySaysTheColourAndUntilWhenInTheProvincesDates() {
        RiskState red = new RiskState(Colour.RED, false, List.of(new Reason(ReasonCode.CLOSE_CONTACT, Colour.RED,
                SINCE, DEC_5)), 1, DEC_5, VALID_UNTIL, null);

        assertEquals("Your code is red: stay in quarantine and check in every day up to and including 2026-12-04.",
                ColourExplanation.of(red, Language.EN, ZONE, NOW).summary());
        assertEquals("您的健康码为红码：请接受隔离并每天打卡至2026年12月4日（含）。",
                ColourExplanation.of(red, Language.ZH, ZONE, NOW).summary());
        assertEquals(Language.ZH, ColourExplanation.of(red, Language.ZH, ZONE, NOW).language());
    }

    @Test
    void anOpenEndedYellowHasNoEndDate() {
        RiskState yellow = new RiskState(Colour.YELLOW, false, List.of(new Reason(ReasonCode.SYMPTOMS, Colour.YELLOW,
                SINCE, null)), 1, null, VALID_UNTIL, null);

        assertEquals("Your code is yellow: stay at home until the reasons below end.",
                ColourExplanation.of(yellow, Language.EN, ZONE, NOW).summary());
        assertEquals("您的健康码为黄码：请居家隔离，直至下列原因解除。",
                ColourExplanation.of(yellow, Language.ZH, ZONE, NOW).summary());
    }

    @Test
    void greenAndGoldAndADueDeclaration() {
        RiskState gold = new RiskState(Colour.GREEN, true, List.of(), 1, null, VALID_UNTIL, null);

        assertEquals("Your code is green with the gold mark of full vaccination: you may move freely.",
                ColourExplanation.of(gold, Language.EN, ZONE, NOW).summary());
        assertTrue(ColourExplanation.of(gold, Language.EN, ZONE, NOW).reasons().isEmpty());
        assertEquals("Your code is green: you may move freely. Your declaration is due: declare again to keep your "
                + "code valid.", ColourExplanation.of(new RiskState(Colour.GREEN, false, List.of(), 1, null,
                VALID_UNTIL, null), Language.EN, ZONE, VALID_UNTIL).summary());
        assertEquals("您的健康码为绿码，可正常通行。您的申报已到期，请重新申报以保持健康码有效。",
                ColourExplanation.of(new RiskState(Colour.GREEN, false, List.of(), 1, null, VALID_UNTIL, null),
                        Language.ZH, ZONE, VALID_UNTIL).summary());
    }
}
