package org.healthcode.kit.audit;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes what many requests record at the same moment in one statement (group commit): a request's
 * lines join the next statement while up to {@code maxInFlight} are running, and its {@link Uni}
 * completes only once that statement has committed, so nothing a caller was answered for is ever
 * lost, and nothing waits when the service is idle (the first lines go at once). At a checkpoint's
 * peak, one statement carries the masked-name reads of many scans instead of one each.
 */
final class GroupCommit<T> {

    private record Waiting<T>(List<T> items, UniEmitter<? super Void> emitter, Context context) {
    }

    private final Function<List<T>, Uni<Void>> write;
    private final int maxInFlight;
    private final Object lock = new Object();
    private List<Waiting<T>> next = new ArrayList<>();
    private int inFlight;

    GroupCommit(int maxInFlight, Function<List<T>, Uni<Void>> write) {
        this.maxInFlight = maxInFlight;
        this.write = write;
    }

    Uni<Void> add(List<T> items) {
        return Uni.createFrom().emitter(emitter -> {
            List<Waiting<T>> batch = null;
            synchronized (lock) {
                next.add(new Waiting<>(items, emitter, Vertx.currentContext()));
                if (inFlight < maxInFlight) {
                    inFlight++;
                    batch = take();
                }
            }
            if (batch != null) {
                flush(batch);
            }
        });
    }

    private List<Waiting<T>> take() {
        List<Waiting<T>> batch = next;
        next = new ArrayList<>();
        return batch;
    }

    private void flush(List<Waiting<T>> batch) {
        List<T> all = new ArrayList<>();
        batch.forEach(waiting -> all.addAll(waiting.items()));
        Uni<Void> written;
        try {
            written = write.apply(all);
        } catch (RuntimeException e) {
            written = Uni.createFrom().failure(e);
        }
        written.subscribe().with(done -> finished(batch, null), failure -> finished(batch, failure));
    }

    private void finished(List<Waiting<T>> batch, Throwable failure) {
        for (Waiting<T> waiting : batch) {
            // back on the caller's own context: what it does next (an ORM session, say) expects it
            Runnable answer = failure == null ? () -> waiting.emitter().complete(null)
                    : () -> waiting.emitter().fail(failure);
            if (waiting.context() == null) {
                answer.run();
            } else {
                waiting.context().runOnContext(ignored -> answer.run());
            }
        }
        List<Waiting<T>> more;
        synchronized (lock) {
            if (next.isEmpty()) {
                inFlight--;
                return;
            }
            more = take();
        }
        flush(more);
    }
}
