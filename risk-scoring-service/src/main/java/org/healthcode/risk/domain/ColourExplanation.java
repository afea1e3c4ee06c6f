package org.healthcode.risk.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Why a code has its colour and what to do, in plain words, in Chinese or English: a summary and,
 * per active reason, a title, what it means and what to do. Dates are local dates of the province.
 * Says nothing about another person or a case: no case, venue or contact, only the holder's own
 * reasons.
 */
public record ColourExplanation(Language language, String summary, List<ReasonText> reasons) {

    /** One reason, explained. */
    public record ReasonText(ReasonCode code, Colour colour, Instant since, Instant until, String title, String text,
            String action) {
    }

    /** Explains {@code state} at {@code now}, dates in {@code zone}. */
    public static ColourExplanation of(RiskState state, Language language, ZoneId zone, Instant now) {
        Phrases phrases = language == Language.EN ? ENGLISH : CHINESE;
        List<ReasonText> reasons = state.reasons().stream().map(reason -> new ReasonText(reason.code(),
                reason.colour(), reason.since(), reason.until(), phrases.titles.get(reason.code()),
                phrases.texts.get(reason.code()), phrases.action(reason, zone))).toList();
        return new ColourExplanation(language, phrases.summary(state, zone, now), reasons);
    }

    private abstract static class Phrases {

        final Map<ReasonCode, String> titles = new EnumMap<>(ReasonCode.class);
        final Map<ReasonCode, String> texts = new EnumMap<>(ReasonCode.class);

        abstract String date(LocalDate day);

        /** A check-in each day up to and including {@code lastDay}; the reason ends on {@code endDay}. */
        abstract String checkInUntil(String lastDay, String endDay);

        abstract String setUntil(String date);

        abstract String confirmedAction();

        abstract String suspectedAction();

        abstract String symptomsAction();

        abstract String colourSummary(Colour colour, boolean gold, String quarantineEnd);

        abstract String declarationDue();

        String action(Reason reason, ZoneId zone) {
            String until = reason.until() == null ? null : date(LocalDate.ofInstant(reason.until(), zone));
            return switch (reason.code()) {
                case CONFIRMED_CASE -> confirmedAction();
                case SUSPECTED_CASE -> suspectedAction();
                case SYMPTOMS -> symptomsAction();
                case MANUAL_OVERRIDE -> setUntil(until);
                // the quarantine reasons: a check-in on each day before the one the reason ends on
                default -> checkInUntil(lastDay(reason.until(), zone), until);
            };
        }

        /** The last local day before {@code end}: the last day that needs a check-in. */
        private String lastDay(Instant end, ZoneId zone) {
            return end == null ? null : date(LocalDate.ofInstant(end.minusNanos(1), zone));
        }

        String summary(RiskState state, ZoneId zone, Instant now) {
            String end = lastDay(state.quarantineUntil(), zone);
            String summary = colourSummary(state.colour(), state.gold(), end);
            boolean due = state.validUntil() != null && !state.validUntil().isAfter(now);
            return due ? summary + declarationDue() : summary;
        }
    }

    private static final Phrases ENGLISH = new Phrases() {
        {
            titles.put(ReasonCode.CONFIRMED_CASE, "Confirmed case");
            titles.put(ReasonCode.SUSPECTED_CASE, "Suspected case");
            titles.put(ReasonCode.CLOSE_CONTACT, "Close contact");
            titles.put(ReasonCode.HIGH_RISK_TRAVEL, "Stay in a high-risk area");
            titles.put(ReasonCode.INBOUND_INTERNATIONAL, "Arrival from abroad");
            titles.put(ReasonCode.DECLARED_CONTACT, "Declared contact with a case");
            titles.put(ReasonCode.SECONDARY_CONTACT, "Contact of a close contact");
            titles.put(ReasonCode.SPATIOTEMPORAL, "Same place and time as a case");
            titles.put(ReasonCode.MEDIUM_RISK_TRAVEL, "Stay in a medium-risk area");
            titles.put(ReasonCode.SYMPTOMS, "Symptoms");
            titles.put(ReasonCode.MANUAL_OVERRIDE, "Set by the health authority");
            texts.put(ReasonCode.CONFIRMED_CASE, "The health authority has confirmed that you have the disease.");
            texts.put(ReasonCode.SUSPECTED_CASE, "The health authority considers you a suspected case.");
            texts.put(ReasonCode.CLOSE_CONTACT, "Contact tracing found that you were close to a confirmed case.");
            texts.put(ReasonCode.HIGH_RISK_TRAVEL, "You declared a stay in an area that is now high-risk.");
            texts.put(ReasonCode.INBOUND_INTERNATIONAL, "You declared an arrival from abroad.");
            texts.put(ReasonCode.DECLARED_CONTACT, "You declared contact with a confirmed or suspected case.");
            texts.put(ReasonCode.SECONDARY_CONTACT, "Contact tracing found that you met a close contact of a case.");
            texts.put(ReasonCode.SPATIOTEMPORAL,
                    "Contact tracing found that you were at the same place at about the same time as a case.");
            texts.put(ReasonCode.MEDIUM_RISK_TRAVEL, "You declared a stay in an area that is now medium-risk.");
            texts.put(ReasonCode.SYMPTOMS, "You reported fever or respiratory symptoms.");
            texts.put(ReasonCode.MANUAL_OVERRIDE, "The health authority reviewed your code and set its colour.");
        }

        @Override
        String date(LocalDate day) {
            return day.toString();
        }

        @Override
        String checkInUntil(String lastDay, String endDay) {
            return lastDay == null ? "Check in every day."
                    : "Check in every day up to and including " + lastDay + "; this reason ends on " + endDay + ".";
        }

        @Override
        String setUntil(String date) {
            return "Set by the health authority until " + date + ".";
        }

        @Override
        String confirmedAction() {
            return "Follow your doctor's instructions; the health authority clears the case.";
        }

        @Override
        String suspectedAction() {
            return "Follow your doctor's instructions; the health authority confirms or clears the case.";
        }

        @Override
        String symptomsAction() {
            return "Check in without symptoms to turn green.";
        }

        @Override
        String colourSummary(Colour colour, boolean gold, String end) {
            return switch (colour) {
                case GREEN -> gold ? "Your code is green with the gold mark of full vaccination: you may move freely."
                        : "Your code is green: you may move freely.";
                case YELLOW -> end == null ? "Your code is yellow: stay at home until the reasons below end."
                        : "Your code is yellow: stay at home and check in every day up to and including " + end + ".";
                case RED -> end == null ? "Your code is red: stay in quarantine until the reasons below end."
                        : "Your code is red: stay in quarantine and check in every day up to and including " + end
                                + ".";
            };
        }

        @Override
        String declarationDue() {
            return " Your declaration is due: declare again to keep your code valid.";
        }
    };

    private static final Phrases CHINESE = new Phrases() {
        {
            titles.put(ReasonCode.CONFIRMED_CASE, "确诊病例");
            titles.put(ReasonCode.SUSPECTED_CASE, "疑似病例");
            titles.put(ReasonCode.CLOSE_CONTACT, "密切接触者");
            titles.put(ReasonCode.HIGH_RISK_TRAVEL, "高风险地区旅居史");
            titles.put(ReasonCode.INBOUND_INTERNATIONAL, "境外入境");
            titles.put(ReasonCode.DECLARED_CONTACT, "自报病例接触史");
            titles.put(ReasonCode.SECONDARY_CONTACT, "密接的密接");
            titles.put(ReasonCode.SPATIOTEMPORAL, "时空伴随");
            titles.put(ReasonCode.MEDIUM_RISK_TRAVEL, "中风险地区旅居史");
            titles.put(ReasonCode.SYMPTOMS, "健康状况异常");
            titles.put(ReasonCode.MANUAL_OVERRIDE, "卫生健康部门设定");
            texts.put(ReasonCode.CONFIRMED_CASE, "卫生健康部门已确认您为确诊病例。");
            texts.put(ReasonCode.SUSPECTED_CASE, "卫生健康部门将您列为疑似病例。");
            texts.put(ReasonCode.CLOSE_CONTACT, "流调发现您曾与确诊病例密切接触。");
            texts.put(ReasonCode.HIGH_RISK_TRAVEL, "您申报曾在现为高风险的地区停留。");
            texts.put(ReasonCode.INBOUND_INTERNATIONAL, "您申报了境外入境。");
            texts.put(ReasonCode.DECLARED_CONTACT, "您申报曾接触确诊或疑似病例。");
            texts.put(ReasonCode.SECONDARY_CONTACT, "流调发现您曾接触病例的密切接触者。");
            texts.put(ReasonCode.SPATIOTEMPORAL, "流调发现您与病例曾在相近时间出现在同一场所。");
            texts.put(ReasonCode.MEDIUM_RISK_TRAVEL, "您申报曾在现为中风险的地区停留。");
            texts.put(ReasonCode.SYMPTOMS, "您报告了发热或呼吸道症状。");
            texts.put(ReasonCode.MANUAL_OVERRIDE, "卫生健康部门复核了您的健康码并设定了颜色。");
        }

        @Override
        String date(LocalDate day) {
            return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
        }

        @Override
        String checkInUntil(String lastDay, String endDay) {
            return lastDay == null ? "请每天打卡。" : "请每天打卡至" + lastDay + "（含），该原因于" + endDay + "解除。";
        }

        @Override
        String setUntil(String date) {
            return "由卫生健康部门设定，有效期至" + date + "。";
        }

        @Override
        String confirmedAction() {
            return "请遵医嘱；由卫生健康部门解除病例。";
        }

        @Override
        String suspectedAction() {
            return "请遵医嘱；由卫生健康部门确诊或排除。";
        }

        @Override
        String symptomsAction() {
            return "无症状打卡后即可转为绿码。";
        }

        @Override
        String colourSummary(Colour colour, boolean gold, String end) {
            return switch (colour) {
                case GREEN -> gold ? "您的健康码为绿码（金色标识：已完成疫苗接种），可正常通行。"
                        : "您的健康码为绿码，可正常通行。";
                case YELLOW -> end == null ? "您的健康码为黄码：请居家隔离，直至下列原因解除。"
                        : "您的健康码为黄码：请居家隔离并每天打卡至" + end + "（含）。";
                case RED -> end == null ? "您的健康码为红码：请接受隔离，直至下列原因解除。"
                        : "您的健康码为红码：请接受隔离并每天打卡至" + end + "（含）。";
            };
        }

        @Override
        String declarationDue() {
            return "您的申报已到期，请重新申报以保持健康码有效。";
        }
    };
}
