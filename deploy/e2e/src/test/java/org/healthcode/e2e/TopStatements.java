package org.healthcode.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.healthcode.infra.Postgres;

/**
 * The statements PostgreSQL spent its time on during a benchmark step ({@code pg_stat_statements},
 * which the platform's PostgreSQL loads): {@link #reset} before the step, {@link #report} after it,
 * per request of the step, so the next bottleneck in the database is named, not guessed.
 */
final class TopStatements {

    private final String jdbcUrl;

    TopStatements(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
        run("create extension if not exists pg_stat_statements");
    }

    void reset() {
        run("select pg_stat_statements_reset()");
    }

    /** The {@code limit} statements with the most execution time, per request of the step. */
    String report(long requests, int limit) {
        StringBuilder out = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, Postgres.USER, "");
                Statement sql = connection.createStatement();
                ResultSet top = sql.executeQuery("""
                        select calls, total_exec_time + total_plan_time as ms, rows,
                               regexp_replace(query, '\\s+', ' ', 'g') as query
                        from pg_stat_statements where query not like '%%pg_stat_statements%%'
                        order by total_exec_time + total_plan_time desc limit %d""".formatted(limit))) {
            out.append("    PostgreSQL, the statements taking most time (plan + execute):\n");
            while (top.next()) {
                double ms = top.getDouble("ms");
                long calls = top.getLong("calls");
                String query = top.getString("query");
                out.append(String.format("      %8.3f ms a request  %7.2f calls a request  %6.3f ms a call  %s%n",
                        requests == 0 ? 0 : ms / requests, requests == 0 ? 0 : (double) calls / requests,
                        calls == 0 ? 0 : ms / calls, query.length() > 140 ? query.substring(0, 140) + "…" : query));
            }
        } catch (SQLException e) {
            out.append("    PostgreSQL statements unavailable: ").append(e.getMessage()).append('\n');
        }
        return out.toString();
    }

    private void run(String statement) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, Postgres.USER, "");
                Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_statements: " + e.getMessage(), e);
        }
    }
}
