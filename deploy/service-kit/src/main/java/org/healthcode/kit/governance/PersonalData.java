package org.healthcode.kit.governance;

import java.util.List;

/**
 * What personal data a service holds, declared by the service as one bean. Pseudonyms count: a
 * subjectId is personal data too. The kit purges and destroys from this list
 * ({@link PersonalDataCare}); the audit trail and the outbox are the kit's own and always included.
 */
public interface PersonalData {

    /** Rows that expire: deleted once {@code column} is older than the retention period. */
    List<Expiring> expiring();

    /** Every table holding personal data, emptied when the emergency ends. */
    List<String> tables();

    /** A table whose rows expire by the time in one of its columns. */
    record Expiring(String table, String column) {
    }
}
