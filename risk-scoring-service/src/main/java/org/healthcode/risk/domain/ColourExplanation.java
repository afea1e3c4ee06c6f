package org.healthcode.risk.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

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
        Phrases phrases = PHRASES.get(language);
        List<ReasonText> reasons = state.reasons().stream().map(reason -> new ReasonText(reason.code(),
                reason.colour(), reason.since(), reason.until(), phrases.text("title." + reason.code()),
                phrases.text("text." + reason.code()), phrases.action(reason, zone))).toList();
        return new ColourExplanation(language, phrases.summary(state, zone, now), reasons);
    }

    private static final Map<Language, Phrases> PHRASES = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            PHRASES.put(language, new Phrases(language));
        }
    }

    /**
     * The texts of one language, from the resource bundle {@code explanations} beside this class
     * (Chinese in the base bundle, English in {@code _en}); {@code %s} stands for a date.
     */
    private static final class Phrases {

        private final ResourceBundle bundle;
        private final DateTimeFormatter date;

        Phrases(Language language) {
            this.bundle = ResourceBundle.getBundle(ColourExplanation.class.getPackageName() + ".explanations",
                    Locale.forLanguageTag(language.tag()),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            this.date = DateTimeFormatter.ofPattern(bundle.getString("date"));
        }

        String text(String key) {
            return bundle.getString(key);
        }

        String action(Reason reason, ZoneId zone) {
            return switch (reason.code()) {
                case CONFIRMED_CASE, SUSPECTED_CASE, SYMPTOMS -> text("action." + reason.code());
                case MANUAL_OVERRIDE -> text("action.MANUAL_OVERRIDE").formatted(day(reason.until(), zone));
                // the quarantine reasons: a check-in on each day before the one the reason ends on
                default -> reason.until() == null ? text("action.check-in")
                        : text("action.check-in-until").formatted(lastDay(reason.until(), zone),
                                day(reason.until(), zone));
            };
        }

        String summary(RiskState state, ZoneId zone, Instant now) {
            String key = "summary." + state.colour();
            String summary = switch (state.colour()) {
                case GREEN -> text(state.gold() ? key + ".gold" : key);
                case YELLOW, RED -> state.quarantineUntil() == null ? text(key)
                        : text(key + ".until").formatted(lastDay(state.quarantineUntil(), zone));
            };
            boolean due = state.validUntil() != null && !state.validUntil().isAfter(now);
            return due ? summary + text("summary.declaration-due") : summary;
        }

        private String day(Instant at, ZoneId zone) {
            return at == null ? null : date.format(LocalDate.ofInstant(at, zone));
        }

        /** The last local day before {@code end}: the last day that needs a check-in. */
        private String lastDay(Instant end, ZoneId zone) {
            return day(end.minusNanos(1), zone);
        }
    }
}
