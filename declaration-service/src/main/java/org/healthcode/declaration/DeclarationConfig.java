package org.healthcode.declaration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;
import java.util.Optional;

/** This service's own settings. The keys have no default anywhere: an operator must supply them. */
@ConfigMapping(prefix = "declaration")
public interface DeclarationConfig {

    String PSEUDONYM_KEY = "declaration.pseudonym-key";
    String DATA_KEY = "declaration.data-key";

    /** Base64 of 32 bytes: the HMAC key that turns a document into a subjectId (env DECLARATION_PSEUDONYM_KEY). */
    Optional<String> pseudonymKey();

    /** Base64 of 32 bytes: the AES-256-GCM key for names, document numbers, phones and appeal texts (env DECLARATION_DATA_KEY). */
    Optional<String> dataKey();

    /** The province's time zone: what "today" means for birth, travel and arrival dates. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();
}
