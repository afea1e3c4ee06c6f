package org.healthcode.kit.web;

import io.smallrye.mutiny.Uni;
import java.net.ConnectException;

/**
 * A call from one service to another that may run as several instances (found by Stork, or behind
 * a Kubernetes Service). A call that could not connect never reached any instance, so it is safe to
 * make again, whatever it does: Stork then picks the next instance, and a stopped one costs a
 * refused connection instead of the caller's answer. A call that did connect is never repeated
 * here, since the instance may have acted on it before it failed.
 */
public final class ServiceCall {

    /** One more than the instances a call is expected to meet stopped at once. */
    static final int ATTEMPTS = 3;

    private ServiceCall() {
    }

    /** {@code call}, made again on another instance while the one chosen refuses to connect. */
    public static <T> Uni<T> failingOver(Uni<T> call) {
        return call.onFailure(ServiceCall::notConnected).retry().atMost(ATTEMPTS - 1);
    }

    static boolean notConnected(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
