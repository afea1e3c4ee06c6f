package org.healthcode.scan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.kit.code.token.FederationMessage;
import org.healthcode.kit.code.token.SigningKey;
import org.healthcode.scan.domain.FederationContact;
import org.junit.jupiter.api.Test;

/**
 * Contacts across the border, this Zhejiang (330000) service as the contact's home: Fujian's
 * (350000) tracing found a Zhejiang resident, a visitor there, as a contact and sends the finding
 * signed by Fujian's federation key. Taken in once (published for risk-scoring, audited), a second
 * delivery recognised; a message not signed or addressed as it should be stores nothing.
 */
@QuarkusTest
@QuarkusTestResource(ScanServiceResource.class)
class FederationContactIT {

    private static final String TOPIC = "federation-contact-received";
    private static final Duration SETTLE = Duration.ofSeconds(4);

    @Inject
    Pool pool;
    @Inject
    ObjectMapper json;

    @Test
    void aContactFujianFoundIsTakenInOncePublishedForRiskScoringAndAudited() throws Exception {
        String resident = Checkpoints.subject();
        String findingId = UUID.randomUUID().toString();
        Instant from = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        FederationContact contact = new FederationContact(findingId, resident, 1, "CLOSE", from,
                from.plus(20, ChronoUnit.MINUTES), from.plus(20, ChronoUnit.MINUTES));
        String messageId = "c-" + UUID.randomUUID();

        send(FederationMessage.sign(fujian(), "350000", "330000", messageId, contact.claims(), Duration.ofSeconds(60),
                Clock.systemUTC())).statusCode(200).header("Cache-Control", "no-store")
                .body("findingId", equalTo(findingId)).body("status", equalTo("ACCEPTED"));

        ConsumerRecord<String, String> record = KafkaTestClient.read(TOPIC, r -> resident.equals(r.key()), 1,
                Duration.ofSeconds(20)).get(0);
        JsonNode event = json.readTree(record.value());
        assertEquals("cn.healthcode." + TOPIC, event.get("type").asText());
        assertEquals(resident, event.get("subject").asText());
        JsonNode data = event.get("data");
        assertEquals(findingId, data.get("findingId").asText());
        assertEquals("350000", data.get("fromProvince").asText(), "the verified sender");
        assertEquals(resident, data.get("subjectId").asText());
        assertEquals(1, data.get("degree").asInt());
        assertEquals("CLOSE", data.get("exposure").asText());
        assertEquals(from, Instant.parse(data.get("overlapFrom").asText()));
        assertEquals(from.plus(20, ChronoUnit.MINUTES), Instant.parse(data.get("lastExposure").asText()));
        assertEquals("330000", data.get("province").asText(), "the contact's home: here");
        assertEquals(10, data.size(), "exactly the contract's fields");

        JsonPath trail = trailOf(resident);
        assertEquals(List.of("FEDERATION_CONTACT_RECEIVED"), trail.getList("action"));
        assertEquals("province:350000", trail.getString("[0].actor"), "from which province");
        assertEquals("ALLOWED", trail.getString("[0].outcome"));
        assertEquals(findingId, trail.getString("[0].object"), "which finding");
        assertEquals("330000", trail.getString("[0].province"));
        assertEquals("degree=1 exposure=CLOSE message=" + messageId + " kid=fj-fed", trail.getString("[0].detail"),
                "what, in which message, with which key");

        // Fujian did not hear the answer and sends the finding again, in a new message: recognised,
        // answered, and nothing changes (no second event, row or audit line).
        send(FederationMessage.sign(fujian(), "350000", "330000", "c-" + UUID.randomUUID(), contact.claims(),
                Duration.ofSeconds(60), Clock.systemUTC())).statusCode(200)
                .body("findingId", equalTo(findingId)).body("status", equalTo("DUPLICATE"));
        assertEquals(1, KafkaTestClient.read(TOPIC, r -> resident.equals(r.key()), 2, SETTLE).size(),
                "a second delivery publishes nothing");
        assertEquals(1, stored(resident));
        assertEquals(1, trailOf(resident).getList("action").size());
    }

    @Test
    void aMessageNotSignedOrAddressedAsItShouldBeOrNotAContactStoresNothing() throws Exception {
        String resident = Checkpoints.subject();
        Instant at = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        FederationContact contact = new FederationContact(UUID.randomUUID().toString(), resident, 2, "TRANSPORT", at,
                at.plus(3, ChronoUnit.HOURS), at.plus(3, ChronoUnit.HOURS));
        SigningKey impostor = SigningKey.federationKey("fj-fed:" + Base64.getEncoder().encodeToString(
                SigningKey.generatePkcs8()));

        send(sign(impostor, "350000", "330000", contact.claims())).statusCode(401)
                .body("error", equalTo("FEDERATION_SIGNATURE_INVALID"));
        send(sign(fujian(), "350000", "320000", contact.claims())).statusCode(403)
                .body("error", equalTo("FEDERATION_WRONG_AUDIENCE"));
        send(sign(fujian(), "460000", "330000", contact.claims())).statusCode(401)
                .body("error", equalTo("FEDERATION_UNKNOWN_PROVINCE"));
        send("not a message").statusCode(400).body("error", equalTo("FEDERATION_MALFORMED"));
        // signed by Fujian, but not a contact: a colour request, or a degree no tracing gives
        send(sign(fujian(), "350000", "330000", Map.of("token", "a.code.here"))).statusCode(400)
                .body("error", equalTo("FEDERATION_CONTACT_INVALID")).body("details[0].field", equalTo("kind"));
        Map<String, String> third = new java.util.HashMap<>(contact.claims());
        third.put("degree", "3");
        send(sign(fujian(), "350000", "330000", third)).statusCode(400)
                .body("error", equalTo("FEDERATION_CONTACT_INVALID")).body("details[0].field", equalTo("degree"))
                .body("message", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(resident)));

        assertEquals(0, stored(resident), "nothing stored");
        assertEquals(0, KafkaTestClient.read(TOPIC, r -> resident.equals(r.key()), 1, SETTLE).size(),
                "nothing published");
        // only the signed, addressed message that was no contact is in the trail, as refused
        JsonPath trail = trailOf(resident);
        assertEquals(List.of("REFUSED"), trail.getList("outcome"));
        assertEquals("FEDERATION_CONTACT_INVALID degree kid=fj-fed", trail.getString("[0].detail"));
    }

    private static ValidatableResponse send(String message) {
        return given().contentType("application/jose").body(message.getBytes(StandardCharsets.US_ASCII))
                .post("/v1/federation/contacts").then();
    }

    private static String sign(SigningKey key, String issuer, String audience, Map<String, String> claims) {
        return FederationMessage.sign(key, issuer, audience, "c-" + UUID.randomUUID(), claims, Duration.ofSeconds(60),
                Clock.systemUTC());
    }

    private static SigningKey fujian() {
        return ScanServiceResource.federationKey("fj-fed", Base64.getDecoder().decode(
                ConfigProvider.getConfig().getValue("test.federation-key.fj-fed", String.class)));
    }

    private static JsonPath trailOf(String subject) {
        return given().auth().oauth2(Checkpoints.ADMIN).queryParam("subjectId", subject).get("/v1/audit").then()
                .statusCode(200).extract().jsonPath();
    }

    private long stored(String subject) {
        return Checkpoints.count(pool, "select count(*) from federation_contact_received where subject_id = $1", subject);
    }
}
