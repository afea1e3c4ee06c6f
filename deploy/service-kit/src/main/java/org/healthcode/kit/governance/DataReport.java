package org.healthcode.kit.governance;

import java.time.Instant;
import java.util.List;

/**
 * What a purge or a destruction deleted in one service.
 *
 * @param service the service
 * @param action  PURGE (past retention) or DESTRUCTION (everything, at the end of the emergency)
 * @param at      when
 * @param cutoff  for a purge, rows older than this went; null for a destruction
 * @param tables  rows deleted per table, every table named even when nothing went
 */
public record DataReport(String service, String action, Instant at, Instant cutoff, List<TableCount> tables) {

    public record TableCount(String table, long rows) {
    }

    public long total() {
        return tables.stream().mapToLong(TableCount::rows).sum();
    }
}
