package org.healthcode.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void chineseUnlessEnglishIsPreferred() {
        assertEquals(Language.ZH, Language.fromAcceptLanguage(null));
        assertEquals(Language.ZH, Language.fromAcceptLanguage(""));
        assertEquals(Language.ZH, Language.fromAcceptLanguage("fr-FR, de"));
        assertEquals(Language.ZH, Language.fromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8"));
        assertEquals(Language.ZH, Language.fromAcceptLanguage("zh-Hant-TW"));
        assertEquals(Language.EN, Language.fromAcceptLanguage("en"));
        assertEquals(Language.EN, Language.fromAcceptLanguage("en-GB"));
        assertEquals(Language.EN, Language.fromAcceptLanguage("fr, en-US;q=0.8, zh;q=0.5"));
    }

    @Test
    void qualityDecidesBeforeOrder() {
        assertEquals(Language.EN, Language.fromAcceptLanguage("zh;q=0.3, en;q=0.9"));
        assertEquals(Language.ZH, Language.fromAcceptLanguage("en;q=0, zh-CN;q=0.1"));
        assertEquals(Language.ZH, Language.fromAcceptLanguage("en;q=nonsense"));
    }
}
