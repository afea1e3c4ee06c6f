package org.healthcode.kit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServiceCallTest {

    @Test
    void aCallThatCouldNotConnectIsMadeAgain() {
        AtomicInteger made = new AtomicInteger();
        Uni<String> call = Uni.createFrom().item(() -> {
            if (made.incrementAndGet() == 1) {
                throw new ProcessingException(new ConnectException("Connection refused"));
            }
            return "answer";
        });

        assertEquals("answer", ServiceCall.failingOver(call).await().indefinitely());
        assertEquals(2, made.get());
    }

    @Test
    void aCallThatReachedAnInstanceIsNeverMadeAgain() {
        AtomicInteger made = new AtomicInteger();
        Uni<String> call = Uni.createFrom().item(() -> {
            made.incrementAndGet();
            throw new ProcessingException(new IOException("Connection was closed"));
        });

        assertThrows(ProcessingException.class, () -> ServiceCall.failingOver(call).await().indefinitely());
        assertEquals(1, made.get(), "the instance may have acted on it");
    }

    @Test
    void noInstanceReachableGivesUpAfterTheLastAttempt() {
        AtomicInteger made = new AtomicInteger();
        Uni<String> call = Uni.createFrom().item(() -> {
            made.incrementAndGet();
            throw new ProcessingException(new ConnectException("Connection refused"));
        });

        assertThrows(ProcessingException.class, () -> ServiceCall.failingOver(call).await().indefinitely());
        assertEquals(ServiceCall.ATTEMPTS, made.get());
    }
}
