package org.healthcode.risk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.healthcode.infra.testing.KafkaTestClient;

/** {@code declaration-submitted} events as declaration-service publishes them (the contract's example, varied). */
final class Declarations {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ObjectNode event;

    private Declarations(ObjectNode event) {
        this.event = event;
    }

    static String newSubjectId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A full declaration with nothing risky: no travel, contact, symptoms or arrival; three doses. */
    static Declarations harmless(String subjectId, Instant declaredAt) {
        ObjectNode event;
        try (InputStream in = Declarations.class.getResourceAsStream("/events/declaration-submitted.contract.json")) {
            event = (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        event.put("id", UUID.randomUUID().toString()).put("subject", subjectId).put("time", declaredAt.toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("declarationId", UUID.randomUUID().toString()).put("subjectId", subjectId)
                .put("declaredAt", declaredAt.toString()).put("temperature", 36.5).put("contactWithCase", false);
        data.putArray("travel");
        data.putArray("symptoms");
        data.putNull("inbound");
        return new Declarations(event);
    }

    /** A daily check-in without symptoms. */
    static Declarations checkIn(String subjectId, Instant declaredAt) {
        Declarations checkIn = harmless(subjectId, declaredAt);
        ObjectNode data = checkIn.data();
        data.put("kind", "DAILY_CHECKIN");
        data.putNull("vaccination");
        return checkIn;
    }

    Declarations stay(String regionCode, LocalDate from, LocalDate to) {
        ((ArrayNode) data().get("travel")).addObject()
                .put("regionCode", regionCode).put("from", from.toString()).put("to", to.toString());
        return this;
    }

    /** Travel the authority imported: kind TRAVEL, source AUTHORITY, nothing but the stays. */
    Declarations authorityTravel() {
        ObjectNode data = data();
        data.put("kind", "TRAVEL").put("source", "AUTHORITY").putNull("temperature").putNull("vaccination");
        data.putArray("symptoms");
        return this;
    }

    /** Declared from another region (and so another province) than the contract's 330106. */
    Declarations region(String regionCode) {
        data().put("regionCode", regionCode);
        return this;
    }

    /** Declares contact with a confirmed or suspected case (DECLARED_CONTACT). */
    Declarations contactWithCase() {
        data().put("contactWithCase", true);
        return this;
    }

    Declarations fever() {
        ((ArrayNode) data().get("symptoms")).add("FEVER");
        data().put("temperature", 38.2);
        return this;
    }

    String id() {
        return event.get("id").asText();
    }

    String subjectId() {
        return data().get("subjectId").asText();
    }

    String json() {
        return event.toString();
    }

    Declarations send() throws Exception {
        KafkaTestClient.send("declaration-submitted", subjectId(), json());
        return this;
    }

    private ObjectNode data() {
        return (ObjectNode) event.get("data");
    }
}
