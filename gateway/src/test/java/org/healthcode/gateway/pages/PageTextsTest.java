package org.healthcode.gateway.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The pages' two languages in app.js: a key given twice in one language silently replaces the first
 * text (a roster heading once turned the resident's "已打卡" into "今日已打卡"), and a key missing in
 * one language shows the bare key to its readers.
 */
class PageTextsTest {

    private static final Path APP_JS = Path.of("src/main/resources/META-INF/resources/app/app.js");
    /** A key and its quoted text: {@code key: 'text'}, {@code "text"} or {@code `text`}. */
    private static final Pattern ENTRY = Pattern.compile(
            "(?:^|[,{\\s])([A-Za-z_][A-Za-z0-9_]*)\\s*:\\s*('(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`)");

    @Test
    void noKeyIsGivenTwiceInALanguage() throws IOException {
        for (String language : List.of("zh", "en")) {
            List<String> keys = keysOf(language);
            Set<String> seen = new LinkedHashSet<>();
            List<String> twice = new ArrayList<>();
            for (String key : keys) {
                if (!seen.add(key)) {
                    twice.add(key);
                }
            }
            assertTrue(keys.size() > 100, language + ": the texts were found");
            assertEquals(List.of(), twice, language + ": keys given twice");
        }
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertEquals(new TreeSet<>(keysOf("zh")), new TreeSet<>(keysOf("en")));
    }

    private static List<String> keysOf(String language) throws IOException {
        String source = Files.readString(APP_JS);
        int start = source.indexOf("\n  " + language + ": {");
        int end = source.indexOf("\n  },", start);
        assertTrue(start >= 0 && end > start, "the " + language + " texts in app.js");
        Matcher entries = ENTRY.matcher(source.substring(start + ("\n  " + language + ": {").length(), end));
        List<String> keys = new ArrayList<>();
        while (entries.find()) {
            keys.add(entries.group(1));
        }
        return keys;
    }
}
