package org.healthcode.scan;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.healthcode.kit.code.token.FederationMessage;
import org.healthcode.kit.code.token.KeyStatus;
import org.healthcode.kit.code.token.KeyValidity;
import org.healthcode.kit.code.token.NationalTrustList;
import org.healthcode.kit.code.token.TokenVerifier;
import org.healthcode.kit.code.token.TrustList;
import org.healthcode.kit.code.token.Verification;
import org.healthcode.kit.code.token.VerificationKey;
import org.healthcode.kit.code.token.VerificationKeys;

/**
 * Fujian's (350000) system as a visitor's home, outside this service: it checks each colour request
 * with the code kit's verifier (Zhejiang's federation key {@code zj-fed}, Fujian as the audience, a
 * code Fujian's key {@code f1} signed) and answers the colour a test wrote to the file
 * {@code fujian-colour-<subjectId>} of the hub directory (404 without one); every request it
 * accepted is a line of {@code fujian-asked-<subjectId>}. Jiangxi's (360000) answers after 3 s.
 */
final class HomeProvince {

    private HomeProvince() {
    }

    static void serve(HttpServer server, Path dir, VerificationKey zhejiangFederation, VerificationKey fujianCode) {
        Instant since = Instant.now().minus(Duration.ofDays(30));
        NationalTrustList askers = new NationalTrustList(1, Instant.now(), List.of(new NationalTrustList.Province(
                "330000", "浙江省", URI.create("http://127.0.0.1/api/v1"), List.of(), List.of(
                        new NationalTrustList.ListedKey(zhejiangFederation, new KeyValidity(since, null,
                                KeyStatus.ACTIVE))))));
        TokenVerifier codes = new TokenVerifier(TrustList.of("350000", new VerificationKeys(List.of(fujianCode))),
                Clock.systemUTC());
        server.createContext("/fujian/api/v1/federation/colour", exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
            FederationMessage.Verified message;
            try {
                message = FederationMessage.verify(request, askers, "350000", Clock.systemUTC());
            } catch (FederationMessage.Refused refused) {
                answer(exchange, 401, "{\"error\":\"FEDERATION_" + refused.reason() + "\"}");
                return;
            }
            Verification code = codes.verify(message.text("token"));
            if (!code.valid() || !"application/jose".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                answer(exchange, 403, "{\"error\":\"FEDERATION_CODE_INVALID\"}");
                return;
            }
            String subject = code.claims().subjectId();
            Files.writeString(dir.resolve("fujian-asked-" + subject), message.id() + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            Path colour = dir.resolve("fujian-colour-" + subject);
            if (!Files.exists(colour)) {
                answer(exchange, 404, "{\"error\":\"SUBJECT_COLOUR_NOT_FOUND\",\"message\":\"none\",\"details\":[]}");
                return;
            }
            answer(exchange, 200, "{\"colour\":\"" + Files.readString(colour).strip() + "\",\"gold\":false,\"asOf\":\""
                    + Instant.now() + "\"}");
        });
        // Contacts Zhejiang's tracing found among Fujian's people: each accepted message is a line
        // "<kid> <payload JSON>" of fujian-contact-<subjectId>; a finding sent before answers DUPLICATE.
        // While the file fujian-contacts-down exists, Fujian is in trouble: every send is a line of
        // fujian-contact-attempts-<subjectId> and answers 503; once fujian-emergency-ended exists, it
        // takes no more intake (409 EMERGENCY_ENDED).
        java.util.Set<String> findings = java.util.concurrent.ConcurrentHashMap.newKeySet();
        server.createContext("/fujian/api/v1/federation/contacts", exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
            FederationMessage.Verified message;
            try {
                message = FederationMessage.verify(request, askers, "350000", Clock.systemUTC());
            } catch (FederationMessage.Refused refused) {
                answer(exchange, 401, "{\"error\":\"FEDERATION_" + refused.reason() + "\"}");
                return;
            }
            String subject = message.text("subjectId");
            if (subject == null || !"application/jose".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                answer(exchange, 400, "{\"error\":\"FEDERATION_CONTACT_INVALID\"}");
                return;
            }
            if (Files.exists(dir.resolve("fujian-contacts-down"))) {
                Files.writeString(dir.resolve("fujian-contact-attempts-" + subject), message.id() + "\n",
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                answer(exchange, 503, "{\"error\":\"SERVICE_UNAVAILABLE\"}");
                return;
            }
            if (Files.exists(dir.resolve("fujian-emergency-ended"))) {
                answer(exchange, 409, "{\"error\":\"EMERGENCY_ENDED\",\"message\":\"ended\",\"details\":[]}");
                return;
            }
            String finding = message.text("findingId");
            boolean fresh = findings.add(message.issuer() + ":" + finding);
            if (fresh) {
                Files.writeString(dir.resolve("fujian-contact-" + subject), message.kid() + " " + message.payload()
                        + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            answer(exchange, 200, "{\"findingId\":\"" + finding + "\",\"status\":\"" + (fresh ? "ACCEPTED" : "DUPLICATE")
                    + "\"}");
        });
        server.createContext("/slow/api/v1/federation/colour", exchange -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "{\"colour\":\"RED\",\"gold\":false,\"asOf\":\"" + Instant.now() + "\"}");
        });
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
