package org.healthcode.declaration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** This service's own settings. The keys have no default anywhere: an operator must supply them. */
@ConfigMapping(prefix = "declaration")
public interface DeclarationConfig {

    String PSEUDONYM_KEY = "declaration.pseudonym-key";
    String DATA_KEY = "declaration.data-key";
    String DATA_KEYSET = "declaration.data-keyset";

    /** Base64 of 32 bytes: the HMAC key that turns a document into a subjectId (env DECLARATION_PSEUDONYM_KEY). */
    Optional<String> pseudonymKey();

    /**
     * Tink's JSON keyset of the AES-256-GCM keys for names, document numbers, phones and appeal
     * texts; the primary encrypts, all decrypt (env DECLARATION_DATA_KEYSET).
     */
    Optional<String> dataKeyset();

    /**
     * Base64 of 32 bytes: the single AES-256-GCM data key, used when no keyset is set; with a keyset,
     * the keyset must hold it (env DECLARATION_DATA_KEY).
     */
    Optional<String> dataKey();

    /** The job that re-encrypts every value under the keyset's primary key. */
    ReEncryption reEncryption();

    interface ReEncryption {

        /** How long after start it first runs (env DECLARATION_RE_ENCRYPTION_DELAY). */
        Duration delay();

        /** How often it runs again, for values written meanwhile under another key (env DECLARATION_RE_ENCRYPTION_EVERY). */
        Duration every();

        /** Rows per transaction. */
        @WithDefault("500")
        int batchSize();
    }

    /** The province's time zone: what "today" means for birth, travel and arrival dates. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();
}
