package org.healthcode.codeissuer;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.time.Instant;
import java.util.UUID;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.TestTokens;

/** risk-recalculated events as risk-scoring publishes them, and waiting for their effect. */
final class RiskEvents {

    static final String TOPIC = "risk-recalculated";

    private RiskEvents() {
    }

    static String event(String eventId, String subjectId, String colour, boolean gold, Instant evaluatedAt,
            Instant validUntil) {
        String reasons = colour.equals("GREEN") ? "[]"
                : "[{\"code\":\"HIGH_RISK_TRAVEL\",\"colour\":\"" + colour + "\",\"since\":\"" + evaluatedAt
                        + "\",\"until\":null}]";
        return """
                {"specversion":"1.0","id":"%s","type":"cn.healthcode.risk-recalculated",
                 "source":"/healthcode/risk-scoring-service","time":"%s","subject":"%s","datacontenttype":"application/json",
                 "data":{"subjectId":"%s","colour":"%s","previousColour":null,"gold":%s,"reasons":%s,"ruleSetVersion":1,
                 "quarantineUntil":null,"validUntil":"%s","province":"330000","evaluatedAt":"%s","causeEventId":null,
                 "someFutureField":{"nested":true}}}"""
                .formatted(eventId, evaluatedAt, subjectId, subjectId, colour, gold, reasons, validUntil, evaluatedAt);
    }

    static String send(String subjectId, String colour, boolean gold, Instant evaluatedAt) throws Exception {
        String id = UUID.randomUUID().toString();
        KafkaTestClient.send(TOPIC, subjectId, event(id, subjectId, colour, gold, evaluatedAt, evaluatedAt.plusSeconds(86_400)));
        return id;
    }

    static Response code(String subjectId) {
        return given().auth().oauth2(TestTokens.platform("gateway")).get("/v1/subjects/{s}/code", subjectId);
    }

    /** Polls the code until it shows {@code colour}; answers the last response. */
    static Response awaitColour(String subjectId, String colour) throws InterruptedException {
        Response response = null;
        for (int i = 0; i < 200; i++) {
            response = code(subjectId);
            if (response.statusCode() == 200 && colour.equals(response.jsonPath().getString("colour"))) {
                return response;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the code never turned " + colour + "; last answer " + response.statusCode());
    }
}
