package org.healthcode.risk.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The version-1 rule set exactly as the migration inserts it. */
final class DefaultRules {

    static final Path MIGRATION = Path.of("src/main/resources/db/migration/V2__default_rule_set.sql");

    private DefaultRules() {
    }

    static String json() {
        try {
            String sql = Files.readString(MIGRATION);
            return sql.substring(sql.indexOf("$${") + 2, sql.lastIndexOf("}$$") + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RuleSet version1() {
        return RuleSet.fromJson(1, json());
    }
}
