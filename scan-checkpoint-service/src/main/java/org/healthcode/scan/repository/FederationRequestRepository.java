package org.healthcode.scan.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The colour requests other provinces sent here, until they expire: a request (a signed message
 * with its own id) is answered once, whichever instance it reaches. Kept in the database rather
 * than in memory so that two instances behind one Service agree.
 */
@ApplicationScoped
public class FederationRequestRepository {

    // One statement: the rows that expired go (they can no longer pass verification, so nothing is
    // lost by forgetting them), and the request is recorded unless it was before.
    private static final String FIRST_TIME = """
            with expired as (delete from federation_request_seen where expires_at < $4)
            insert into federation_request_seen (from_province, request_id, expires_at) values ($1, $2, $3)
            on conflict (from_province, request_id) do nothing
            returning request_id""";

    private final Pool pool;

    public FederationRequestRepository(Pool pool) {
        this.pool = pool;
    }

    /** Records the request {@code requestId} of {@code fromProvince}; answers false when it was seen before. */
    public Uni<Boolean> firstTime(String fromProvince, String requestId, Instant expiresAt, Instant now) {
        return pool.preparedQuery(FIRST_TIME)
                .execute(Tuple.of(fromProvince, requestId, utc(expiresAt), utc(now)))
                .map(rows -> rows.rowCount() > 0);
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
