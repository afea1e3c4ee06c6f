package org.healthcode.e2e;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * An open-loop load generator for the benchmarks: requests leave at a fixed rate whatever the answers
 * do, and each latency is counted from the moment its request was due, not from when it could be
 * sent, so a slow platform shows as latency instead of as fewer requests (no coordinated omission).
 * Requests that would exceed {@code maxInFlight} are not sent and count as dropped. Built on one
 * Vert.x event loop with kept-alive connections: the JDK's HTTP client cost about 2 ms of CPU a
 * request, as much as the platform itself.
 */
final class OpenLoad implements AutoCloseable {

    /** One request: its method, absolute URI, bearer token and JSON body (null for none). */
    record Call(HttpMethod method, URI uri, String token, String body) {

        static Call get(URI uri, String token) {
            return new Call(HttpMethod.GET, uri, token, null);
        }
    }

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final HttpClient http;
    private final int maxInFlight;

    OpenLoad(int maxInFlight) {
        this.maxInFlight = maxInFlight;
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(maxInFlight).setMaxWaitQueueSize(-1));
    }

    /** Offers {@code perSecond} requests a second for {@code length}; request i is {@code calls.apply(i)}. */
    Result offer(int perSecond, Duration length, IntFunction<Call> calls) {
        return offer(perSecond, length, calls, i -> {
        });
    }

    /** As {@link #offer(int, Duration, IntFunction)}, telling {@code answeredOk} each request i answered 2xx. */
    Result offer(int perSecond, Duration length, IntFunction<Call> calls, IntConsumer answeredOk) {
        int total = (int) (perSecond * length.toNanos() / 1_000_000_000L);
        long interval = 1_000_000_000L / perSecond;
        long[] latencies = new long[total];
        Arrays.fill(latencies, -1);
        int[] statuses = new int[total];
        AtomicInteger inFlight = new AtomicInteger();
        AtomicLong dropped = new AtomicLong();
        CountDownLatch done = new CountDownLatch(total);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (inFlight.get() >= maxInFlight) {
                dropped.incrementAndGet();
                done.countDown();
                continue;
            }
            inFlight.incrementAndGet();
            int slot = i;
            send(calls.apply(i)).onComplete(answer -> {
                latencies[slot] = System.nanoTime() - due;
                statuses[slot] = answer.succeeded() ? answer.result() : 0;
                if (statuses[slot] / 100 == 2) {
                    answeredOk.accept(slot);
                }
                inFlight.decrementAndGet();
                done.countDown();
            });
        }
        try {
            done.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long elapsed = System.nanoTime() - start;
        long ok = Arrays.stream(statuses).filter(status -> status / 100 == 2).count();
        long[] answered = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        return new Result(perSecond, total, answered, ok, total - dropped.get() - ok, dropped.get(), elapsed);
    }

    private Future<Integer> send(Call call) {
        RequestOptions options = new RequestOptions().setMethod(call.method()).setHost(call.uri().getHost())
                .setPort(call.uri().getPort()).setURI(call.uri().getRawPath());
        if (call.token() != null) {
            options.putHeader("Authorization", "Bearer " + call.token());
        }
        if (call.body() != null) {
            options.putHeader("Content-Type", "application/json");
        }
        return http.request(options).compose(request -> (call.body() == null ? request.send() : request.send(call.body()))
                .compose(response -> response.body().map(body -> response.statusCode())));
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** What one rate gave: latencies of every answer (sorted), 2xx answers, the rest, and the dropped. */
    record Result(int offered, int sent, long[] sortedNanos, long ok, long failed, long dropped, long elapsedNanos) {

        double okPerSecond() {
            return ok / (elapsedNanos / 1e9);
        }

        double percentileMillis(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p / 100.0 * sortedNanos.length) - 1);
            return sortedNanos[Math.max(0, index)] / 1e6;
        }

        String line() {
            return String.format("offered %,6d/s  answered 2xx %,7.0f/s  p50 %7.1f ms  p99 %8.1f ms  not 2xx %d  dropped %d",
                    offered, okPerSecond(), percentileMillis(50), percentileMillis(99), failed, dropped);
        }
    }
}
