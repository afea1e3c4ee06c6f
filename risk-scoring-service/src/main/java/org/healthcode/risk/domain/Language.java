package org.healthcode.risk.domain;

import java.util.List;
import java.util.Locale;
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

    private static final List<String> TAGS = Stream.of(values()).map(Language::tag).toList();

    /**
     * The caller's preferred language among ours, from an {@code Accept-Language} header, by the
     * JDK's RFC 4647 lookup ({@code zh-Hant-TW} is Chinese, {@code en-GB} English; by quality, then
     * by order); Chinese when the header names neither, is absent or cannot be read.
     */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return ZH;
        }
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(header), TAGS);
            return tag == null ? ZH : Stream.of(values()).filter(l -> l.tag.equals(tag)).findFirst().orElse(ZH);
        } catch (IllegalArgumentException unreadable) {
            return ZH;
        }
    }
}
