package org.healthcode.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.healthcode.infra.PlatformSecrets;
import org.healthcode.kit.code.token.KeyStatus;
import org.healthcode.kit.code.token.KeyValidity;
import org.healthcode.kit.code.token.NationalTrustList;
import org.healthcode.kit.code.token.NationalTrustList.ListedKey;
import org.healthcode.kit.code.token.SigningKey;

/**
 * The national hub of a local run with two provinces: a trust anchor made for this run, and the
 * trust list it signed (both provinces, their code keys and federation keys, their gateways as
 * verification APIs) served at {@code /trust-list.jws}. What an operator does with
 * {@code deploy/trust-hub}, done at start so that a person can try a visitor's colour by hand.
 */
final class NationalHub implements AutoCloseable {

    /** One province as the hub lists it. */
    record Member(String code, String name, String gatewayUrl, PlatformSecrets secrets) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final SigningKey anchor;

    private NationalHub(HttpServer server, SigningKey anchor) {
        this.server = server;
        this.anchor = anchor;
    }

    static NationalHub start(int port, List<Member> members) {
        try {
            SigningKey anchor = SigningKey.anchorFromPkcs8("local-national", SigningKey.generatePkcs8());
            String list = list(members).sign(anchor);
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/trust-list.jws", exchange -> {
                byte[] body = list.getBytes(StandardCharsets.US_ASCII);
                exchange.getResponseHeaders().add("Content-Type", "application/jose");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return new NationalHub(server, anchor);
        } catch (IOException e) {
            throw new UncheckedIOException("the national hub could not listen on " + port, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the list is. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/trust-list.jws";
    }

    /** The anchor's public JWK, which every checkpoint pins. */
    String anchorJwk() {
        try {
            return JSON.writeValueAsString(anchor.verificationKey().toJwk());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NationalTrustList list(List<Member> members) throws GeneralSecurityException {
        KeyValidity active = new KeyValidity(Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS), null,
                KeyStatus.ACTIVE);
        List<NationalTrustList.Province> provinces = new ArrayList<>();
        for (Member member : members) {
            PlatformSecrets secrets = member.secrets();
            SigningKey code = SigningKey.fromPkcs8(secrets.signingKid(), Base64.getDecoder().decode(secrets.signingKey()));
            SigningKey federation = SigningKey.federationKey(PlatformSecrets.FEDERATION_KID + ":" + secrets.federationKey());
            provinces.add(new NationalTrustList.Province(member.code(), member.name(),
                    URI.create(member.gatewayUrl() + "/api/v1"), List.of(new ListedKey(code.verificationKey(), active)),
                    List.of(new ListedKey(federation.verificationKey(), active))));
        }
        // the version is the time of signing: higher at every start, as a checkpoint requires
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new NationalTrustList(now.getEpochSecond(), now, provinces);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
