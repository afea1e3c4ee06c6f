package org.healthcode.scan;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import org.healthcode.kit.web.Caller;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.TestTokens;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.code.token.TokenIssuer;

/** What the ITs share: codes signed by the test provinces, venues, calls as staff, risk events, published scans. */
final class Checkpoints {

    static final String STAFF = TestTokens.staff("checkpoint-zj", "checkpoint", "330000");
    static final String ADMIN = TestTokens.staff("admin-zj", "admin", "330000");
    static final String TOPIC = "scan-recorded";
    static final String GATEWAY = TestTokens.platform("gateway");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Checkpoints() {
    }

    static String subject() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String scanId() {
        return "scan-" + UUID.randomUUID();
    }

    /** A code signed now by the test key {@code kid} (k1, k2: Zhejiang's; s1: untrusted Shanghai's). */
    static String code(String kid, String issuer, String subjectId, Colour colour, boolean gold) {
        return code(kid, issuer, subjectId, colour, gold, Clock.systemUTC());
    }

    static String code(String kid, String issuer, String subjectId, Colour colour, boolean gold, Clock clock) {
        byte[] pkcs8 = Base64.getDecoder().decode(ConfigProvider.getConfig().getValue("test.code-key." + kid, String.class));
        return new TokenIssuer(ScanServiceResource.signingKey(kid, pkcs8), issuer, Duration.ofSeconds(180), clock)
                .issue(subjectId, colour, gold).token();
    }

    /** A paper code signed now by the test key {@code kid}, valid for {@code validity}. */
    static String paperCode(String kid, String subjectId, String paperId, Duration validity, Clock clock) {
        byte[] pkcs8 = Base64.getDecoder().decode(ConfigProvider.getConfig().getValue("test.code-key." + kid, String.class));
        return new TokenIssuer(ScanServiceResource.signingKey(kid, pkcs8), "330000", Duration.ofSeconds(180), clock)
                .issuePaper(subjectId, paperId, validity).token();
    }

    /** Sends a paper-code-issued event as code-issuer publishes it and waits until this print is stored. */
    static void paperIssued(Pool pool, String subjectId, String paperId, Instant issuedAt) throws Exception {
        String event = """
                {"specversion":"1.0","id":"%s","type":"cn.healthcode.paper-code-issued",
                 "source":"/healthcode/code-issuer-service","time":"%s","subject":"%s","datacontenttype":"application/json",
                 "data":{"subjectId":"%s","paperId":"%s","province":"330000","issuedAt":"%s","expiresAt":"%s"}}"""
                .formatted(UUID.randomUUID(), issuedAt, subjectId, subjectId, paperId, issuedAt,
                        issuedAt.plus(Duration.ofDays(180)));
        KafkaTestClient.send("paper-code-issued", subjectId, event);
        for (int i = 0; i < 200; i++) {
            if (count(pool, "select count(*) from paper_code where subject_id = $1 and paper_id = $2", subjectId,
                    paperId) > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the paper code never arrived");
    }

    /** A venue of Zhejiang registered by checkpoint staff: its id and poster code. */
    static JsonPath venue(String type) {
        Map<String, Object> venue = new HashMap<>(Map.of("name", "西湖银泰 " + type, "type", type, "regionCode", "330106",
                "address", "延安路98号"));
        if (type.equals("BUS") || type.equals("TRAIN") || type.equals("FLIGHT")) {
            venue.put("vehicle", "G" + (1000 + RANDOM.nextInt(9000)));
            venue.put("tripDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
            venue.put("carriage", "0" + (1 + RANDOM.nextInt(9)));
        }
        return given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(venue).post("/v1/venues")
                .then().statusCode(201).extract().jsonPath();
    }

    static ValidatableResponse scan(String token, String venueId, String scanId) {
        return given().auth().oauth2(STAFF).contentType(ContentType.JSON)
                .body(Map.of("token", token, "venueId", venueId, "scanId", scanId)).post("/v1/scans").then();
    }

    /** Sends a risk-recalculated event as risk-scoring publishes it and waits until the colour is stored. */
    static void colour(Pool pool, String subjectId, Colour colour, Instant evaluatedAt) throws Exception {
        String event = """
                {"specversion":"1.0","id":"%s","type":"cn.healthcode.risk-recalculated",
                 "source":"/healthcode/risk-scoring-service","time":"%s","subject":"%s","datacontenttype":"application/json",
                 "data":{"subjectId":"%s","colour":"%s","previousColour":null,"gold":false,"reasons":[],"ruleSetVersion":1,
                 "quarantineUntil":null,"validUntil":null,"province":"330000","evaluatedAt":"%s","causeEventId":null}}"""
                .formatted(UUID.randomUUID(), evaluatedAt, subjectId, subjectId, colour, evaluatedAt);
        KafkaTestClient.send("risk-recalculated", subjectId, event);
        for (int i = 0; i < 200; i++) {
            if (count(pool, "select count(*) from subject_colour where subject_id = $1 and colour = '" + colour.name() + "'",
                    subjectId) > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the colour never arrived");
    }

    /** The scan-recorded events of a subject, waiting until {@code count} arrived or the time ran out. */
    static List<ConsumerRecord<String, String>> published(String subjectId, int count, Duration wait) {
        return KafkaTestClient.read(TOPIC, r -> subjectId.equals(r.key()), count, wait);
    }

    static long count(Pool pool, String sql, Object... parameters) {
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    /** A call as the gateway makes it: its own service identity, on behalf of a person it authenticated. */
    static RequestSpecification gatewayFor(String person, String province) {
        RequestSpecification request = given().auth().oauth2(GATEWAY).contentType(ContentType.JSON)
                .header(Caller.ON_BEHALF_OF, person);
        return province == null ? request : request.header(Caller.ON_BEHALF_OF_PROVINCE, province);
    }
}
