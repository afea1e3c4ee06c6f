package org.healthcode.scan.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.healthcode.kit.code.token.NationalTrustList;
import org.healthcode.kit.code.token.SigningKey;
import org.healthcode.kit.code.token.TrustAnchor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When the next fetch of the national list is due, against a hub served over real HTTP. */
class NationalTrustTest {

    private static final Instant ISSUED = Instant.parse("2026-12-06T00:00:00Z");

    private final SigningKey anchor = anchor();
    private final AtomicReference<String> served = new AtomicReference<>();
    private HttpServer hub;

    @BeforeEach
    void serve() throws Exception {
        hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hub.createContext("/trust-list.jws", exchange -> {
            String body = served.get();
            if (body == null) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        hub.start();
    }

    @AfterEach
    void stop() {
        hub.stop(0);
    }

    @Test
    void aFailedOrRefusedFetchIsDueAgainAfterTheRetryAGoodOneAfterTheRefresh() {
        NationalTrust national = new NationalTrust(URI.create("http://127.0.0.1:" + hub.getAddress().getPort()
                + "/trust-list.jws"), new TrustAnchor(anchor.verificationKey()), Duration.ofHours(1), Duration.ZERO,
                Clock.fixed(ISSUED.plusSeconds(90), ZoneOffset.UTC));
        assertTrue(national.due(), "at start");

        assertFalse(national.refresh());
        assertEquals("UNREACHABLE", national.lastRefresh().outcome());
        assertEquals("HTTP 503", national.lastRefresh().reason());
        assertNull(national.held());
        assertNull(national.age());
        assertTrue(national.due(), "tried again after the retry (here none)");

        served.set("not.a.list");
        assertFalse(national.refresh());
        assertEquals("REFUSED", national.lastRefresh().outcome());
        assertTrue(national.due());

        served.set(new NationalTrustList(4, ISSUED, List.of()).sign(anchor));
        assertTrue(national.refresh());
        assertEquals("ACCEPTED", national.lastRefresh().outcome());
        assertEquals(4, national.held().version());
        assertEquals(Duration.ofSeconds(90), national.age());
        assertFalse(national.due(), "next after the refresh (an hour)");

        assertFalse(national.refresh(), "the same version again changes nothing");
        assertEquals("UNCHANGED", national.lastRefresh().outcome());
    }

    private static SigningKey anchor() {
        try {
            return SigningKey.anchorFromPkcs8("national-test", SigningKey.generatePkcs8());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
