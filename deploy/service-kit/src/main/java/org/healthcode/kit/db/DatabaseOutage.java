package org.healthcode.kit.db;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.healthcode.kit.web.Unavailability;
import org.jboss.logging.Logger;

/**
 * A failure that says the service's PostgreSQL is away for now (refused, restarting, gone mid-query)
 * rather than that the work itself is wrong. A call then answers 503 (web-kit's error mappers ask
 * this bean), and a consumer waits and tries the same event again instead of dead-lettering it: an
 * event dead-lettered for an outage would be a colour never applied.
 *
 * <p>The service's own stopping counts too: once it has begun, its pools close under the work in
 * flight (Vert.x fails it "after shutdown"), which says nothing about the work. A consumer then
 * leaves its poll as it is, neither applied, acknowledged nor dead-lettered; the offset stays
 * uncommitted and the instance that takes the partition over applies those events (a rolling
 * update used to dead-letter every event in flight).
 */
@ApplicationScoped
public class DatabaseOutage implements Unavailability {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);
    /** SQLSTATEs of a server going or gone: shutting down, crashed, starting, out of connections. */
    private static final Set<String> AWAY = Set.of("57P01", "57P02", "57P03", "53300");
    private static final Duration FIRST_WAIT = Duration.ofMillis(500);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(5);
    /** Whether this service has begun to stop; reset at start, since tests start an application again in one JVM. */
    private static volatile boolean stopping;

    public void started(@Observes StartupEvent start) {
        stopping = false;
    }

    public void stopping(@Observes ShutdownEvent stop) {
        stopping = true;
    }

    @Override
    public boolean explains(Throwable failure) {
        return isCause(failure);
    }

    /** Whether {@code failure}, or anything that caused it, is the database being away (or this service stopping). */
    public static boolean isCause(Throwable failure) {
        if (stopping) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedConnectionException
                    || t instanceof ClosedChannelException) {
                return true;
            }
            if (t instanceof DatabaseException database && database.getSqlState() != null
                    && (database.getSqlState().startsWith("08") || AWAY.contains(database.getSqlState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code work} (a transaction) again, with growing pauses up to 5 s, for as long as it
     * fails because the database is away; any other failure is the caller's to handle. The consumer
     * holds its partition meanwhile, so later events wait behind this one, in order. Each attempt runs
     * on the Vert.x context of the first: a transaction resubscribed on another thread (Mutiny's
     * back-off) was refused by Hibernate Reactive, and the event dead-lettered after all. Once the
     * service is stopping, a failure ends nothing: the answer never comes, so the caller neither
     * acknowledges nor dead-letters what it holds.
     */
    public static <T> Uni<T> retried(String consumer, Supplier<Uni<? extends T>> work) {
        return Uni.createFrom().deferred(() -> attempt(consumer, work, Vertx.currentContext(), FIRST_WAIT));
    }

    private static <T> Uni<T> attempt(String consumer, Supplier<Uni<? extends T>> work, Context context,
            Duration wait) {
        return Uni.createFrom().<T>deferred(work).onFailure(DatabaseOutage::isCause).recoverWithUni(e -> {
            if (stopping) {
                LOG.infof("%s: stopping; the events in hand are left unacknowledged for the next instance", consumer);
                return Uni.createFrom().nothing();
            }
            LOG.warnf("%s: database unavailable (%s); trying the same events again in %d ms", consumer,
                    e.getClass().getName(), wait.toMillis());
            Duration next = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
            return pause(context, wait).chain(() -> attempt(consumer, work, context, next));
        });
    }

    private static Uni<Void> pause(Context context, Duration wait) {
        if (context == null) {
            return Uni.createFrom().voidItem().onItem().delayIt().by(wait);
        }
        return Uni.createFrom().emitter(paused -> context.owner().setTimer(wait.toMillis(),
                timer -> context.runOnContext(ignored -> paused.complete(null))));
    }
}
