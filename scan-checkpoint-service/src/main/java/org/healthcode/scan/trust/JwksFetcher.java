package org.healthcode.scan.trust;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.healthcode.kit.code.token.VerificationKeys;

/** Fetches one province's JWKS, or the national trust list, over HTTP(S). Blocking; call it off the event loop. */
public class JwksFetcher {

    /** A JWKS of a few keys is a few kilobytes; anything far larger is not one. */
    static final int MAX_BYTES = 64 * 1024;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** The keys the document lists; throws {@link IOException} with a short reason (never the body). */
    public VerificationKeys fetch(URI url) throws IOException, InterruptedException {
        byte[] bytes = download(url, MAX_BYTES, "application/json");
        try {
            return VerificationKeys.fromJwks(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage());
        }
    }

    /** The body of a 200 answer of at most {@code maxBytes}; throws {@link IOException} with a short reason. */
    byte[] download(URI url, int maxBytes, String accept) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                .header("Accept", accept).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new IOException("document larger than " + maxBytes + " bytes");
            }
            return bytes;
        }
    }
}
