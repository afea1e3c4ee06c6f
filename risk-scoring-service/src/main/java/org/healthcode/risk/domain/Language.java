package org.healthcode.risk.domain;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The languages explanations are written in; Chinese unless the caller prefers English. */
public enum Language {
    ZH("zh"), EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /**
     * The caller's preferred language among ours, from an {@code Accept-Language} header
     * ({@code zh*} → Chinese, {@code en*} → English, by quality, then by order); Chinese when the
     * header names neither or is absent.
     */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return ZH;
        }
        String[] ranges = header.split(",");
        return Stream.iterate(0, i -> i < ranges.length, i -> i + 1)
                .map(i -> parse(ranges[i], i))
                .flatMap(Optional::stream)
                .filter(range -> range.quality() > 0)
                .min(Comparator.comparingDouble((Range range) -> -range.quality()).thenComparingInt(Range::position))
                .map(Range::language)
                .orElse(ZH);
    }

    private record Range(Language language, double quality, int position) {
    }

    private static Optional<Range> parse(String range, int position) {
        String[] parts = range.trim().split(";");
        String tag = parts[0].trim().toLowerCase(Locale.ROOT);
        Language language = tag.startsWith("zh") ? ZH : tag.startsWith("en") ? EN : null;
        if (language == null) {
            return Optional.empty();
        }
        double quality = 1.0;
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.startsWith("q=")) {
                try {
                    quality = Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException e) {
                    quality = 0;
                }
            }
        }
        return Optional.of(new Range(language, quality, position));
    }
}
