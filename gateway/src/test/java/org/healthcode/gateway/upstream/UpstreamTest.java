package org.healthcode.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.healthcode.kit.web.ApiError;
import org.junit.jupiter.api.Test;

class UpstreamTest {

    @Test
    void aServiceThatDoesNotAnswerWithinTheReadTimeoutIsA503NotA500() {
        // what the REST client fails with when the read timeout passes (seen with a service swamped by load)
        Response answer = Upstream.relay("declaration", Uni.createFrom().failure(
                new NoStackTraceTimeoutException("The timeout period of 10000ms has been exceeded"))).await().indefinitely();
        assertEquals(503, answer.getStatus());
        assertEquals("UPSTREAM_UNAVAILABLE", ((ApiError) answer.getEntity()).error());
        assertEquals("The declaration service did not answer in time", ((ApiError) answer.getEntity()).message());
    }

    @Test
    void aValueTheGatewayNeededAndDidNotGetInTimeIsA503Too() {
        UpstreamFailure failure = assertThrows(UpstreamFailure.class, () -> Upstream.read("declaration",
                Uni.createFrom().<String>failure(new NoStackTraceTimeoutException("timeout"))).await().indefinitely());
        assertEquals(503, failure.answer().getStatus());
        assertEquals("UPSTREAM_UNAVAILABLE", ((ApiError) failure.answer().getEntity()).error());
    }

    @Test
    void aServiceThatRefusesConnectionsIsA503() {
        Response answer = Upstream.relay("scan-checkpoint", Uni.createFrom().failure(new ConnectException("refused")))
                .await().indefinitely();
        assertEquals(503, answer.getStatus());
        assertEquals("The scan-checkpoint service is not reachable", ((ApiError) answer.getEntity()).message());
    }

    @Test
    void aServiceThatDiesWhileAnsweringIsA503() {
        // the instance was killed after it took the request: the connection closes before the answer,
        // and the failure may reach the gateway wrapped
        UpstreamFailure failure = assertThrows(UpstreamFailure.class, () -> Upstream.read("scan-checkpoint",
                Uni.createFrom().<String>failure(new CompletionException(new HttpClosedException("Connection was closed"))))
                .await().indefinitely());
        assertEquals(503, failure.answer().getStatus());
        assertEquals("UPSTREAM_UNAVAILABLE", ((ApiError) failure.answer().getEntity()).error());
    }
}
