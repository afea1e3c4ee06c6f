package org.healthcode.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.healthcode.e2e.CitizenJourneyIT.Citizen;
import org.healthcode.infra.Processes;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.TestTokens;
import org.healthcode.kit.code.Colour;
import org.healthcode.kit.code.token.SigningKey;
import org.healthcode.kit.code.token.TokenIssuer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints and contact tracing on the whole platform: residents pass checkpoints at chosen
 * times, a case is confirmed, and within seconds the close contact is red, the degree-2 contact
 * yellow and the one who came hours later still green; the epidemiologist sees the chain.
 */
@Order(2)
class TracingJourneyIT {

    private static final Pattern EVENT_ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static Platform platform;
    private static final String PROVINCE = "330000";
    private final String checkpoint = TestTokens.staff("checkpoint-" + UUID.randomUUID(), "checkpoint", PROVINCE);
    private final String authority = TestTokens.staff("authority-" + UUID.randomUUID(), "authority", PROVINCE);
    private final String epidemiologist = TestTokens.staff("epi-" + UUID.randomUUID(), "epidemiologist", PROVINCE);

    @BeforeAll
    static void startPlatform() {
        platform = Platform.get();
        RestAssured.baseURI = platform.gatewayUrl();
        RestAssured.port = -1;
    }

    @Test
    void aConfirmedCaseRecoloursItsContactsWithinSeconds() {
        // 09:00 in the province tomorrow, so that every visit below falls on one date
        LocalDate day = platform.today().plusDays(1);
        platform.advance(Duration.between(platform.clock().instant(), Platform.startOf(day).plusSeconds(9 * 3600)));
        String mall = venue("Wulin Mall", "MALL");
        String park = venue("West Lake Park", "PARK");
        Citizen patient = green();
        Citizen close = green();
        Citizen later = green();
        Citizen secondDegree = green();

        admitted(patient, mall);
        platform.advance(Duration.ofMinutes(10));
        admitted(close, mall);
        platform.advance(Duration.ofHours(3));
        admitted(later, mall);
        platform.advance(Duration.ofHours(1));
        admitted(close, park);
        platform.advance(Duration.ofMinutes(5));
        admitted(secondDegree, park);
        platform.advance(Duration.ofHours(1));
        String screenshot = close.code().getString("token"); // green, taken just before the case

        String caseId = given().auth().oauth2(authority).contentType(ContentType.JSON)
                .body(Map.of("documentType", "RESIDENT_ID", "documentNumber", patient.idNumber, "status", "CONFIRMED"))
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");

        patient.awaitCode("RED as a confirmed case", c -> c.getList("reasons.code").contains("CONFIRMED_CASE"));
        JsonPath red = close.awaitCode("RED as a close contact", c -> "RED".equals(c.getString("colour")));
        assertEquals(List.of("CLOSE_CONTACT"), red.getList("reasons.code"));
        assertEquals(Platform.startOf(day.plusDays(14)), Instant.parse(red.getString("reasons[0].until")),
                "14 days from the last exposure");
        JsonPath yellow = secondDegree.awaitCode("YELLOW as a degree-2 contact", c -> "YELLOW".equals(c.getString("colour")));
        assertEquals(List.of("SECONDARY_CONTACT"), yellow.getList("reasons.code"));
        assertEquals("GREEN", later.code().getString("colour"), "three hours later is outside every window");

        JsonPath denied = CitizenJourneyIT.await("DENY COLOUR_RED for a replayed green screenshot",
                () -> scanCall(screenshot, mall), scan -> "COLOUR_RED".equals(scan.getString("reason")));
        assertEquals("DENY", denied.getString("decision"));
        assertTrue(denied.getString("maskedName") != null, "the masked name, for comparing with an ID");

        given().auth().oauth2(epidemiologist).get("/api/v1/cases/" + caseId + "/chain").then().statusCode(200)
                .body("nodes.subjectId", hasItem(close.subjectId()))
                .body("nodes.subjectId", hasItem(secondDegree.subjectId()))
                .body("nodes.subjectId", not(hasItem(later.subjectId())))
                .body("edges.find { it.target == '" + close.subjectId() + "' }.venueId", equalTo(mall))
                .body("edges.find { it.target == '" + secondDegree.subjectId() + "' }.source", equalTo(close.subjectId()));
        given().auth().oauth2(epidemiologist).get("/api/v1/cases/" + caseId + "/contacts").then().statusCode(200)
                .body("total", equalTo(2)).body("items.maskedName", not(hasItem(close.name)));
        given().auth().oauth2(epidemiologist).get("/api/v1/cases/" + caseId + "/contacts.csv").then().statusCode(200)
                .body(containsString(close.subjectId())).body(not(containsString(close.name)));
        given().auth().oauth2(TestTokens.staff("epi-sh", "epidemiologist", "310000"))
                .get("/api/v1/cases/" + caseId + "/contacts").then().statusCode(403);

        Set<String> ours = Set.of(patient.subjectId(), close.subjectId(), later.subjectId(), secondDegree.subjectId());
        int contactEvents = eventsAbout(ours, "contact-identified");
        int riskEvents = eventsAbout(ours, "risk-recalculated");
        assertEquals(2, contactEvents, "one event per contact");
        redeliverEverything();
        Processes.pause(Duration.ofSeconds(5));
        assertEquals(contactEvents, eventsAbout(ours, "contact-identified"), "no contact found twice");
        assertEquals(riskEvents, eventsAbout(ours, "risk-recalculated"), "no colour changed by a redelivered event");
        assertEquals(red.getString("reasons[0].until"), close.code().getString("reasons[0].until"));

        given().auth().oauth2(authority).contentType(ContentType.JSON)
                .body(Map.of("subjectId", patient.subjectId(), "status", "CLEARED"))
                .post("/api/v1/cases").then().statusCode(201);
        patient.awaitCode("GREEN once the case is cleared", c -> "GREEN".equals(c.getString("colour")));
        assertEquals("RED", close.code().getString("colour"), "the contact's own quarantine goes on");
    }

    /**
     * Operators follow one confirmed case as one trace: the authority's call at the gateway,
     * contact-trace recording the case and tracing its contacts, risk-scoring applying the contact's
     * event, and the new colour reaching code-issuer, though each hop went through an outbox and Kafka.
     */
    @Test
    void aConfirmedCaseIsOneTraceFromTheGatewayToItsContactsNewColour() {
        String shop = venue("Hubin Bookshop", "MALL");
        Citizen patient = green();
        Citizen close = green();
        admitted(patient, shop);
        platform.advance(Duration.ofMinutes(5));
        admitted(close, shop);
        platform.advance(Duration.ofMinutes(30));
        SpanCollector spans = platform.spans();
        // tracing at confirmation finds the contact once contact-trace has indexed the visit (else a
        // late visit finds it later, in the visit's trace): the scan's processing span says it has
        List<ConsumerRecord<String, String>> scans = KafkaTestClient.read("scan-recorded",
                r -> close.subjectId().equals(r.key()) && r.value().contains(shop), Integer.MAX_VALUE, Duration.ofSeconds(3));
        assertTrue(!scans.isEmpty(), "the contact's scan at the shop was published");
        for (ConsumerRecord<String, String> scan : scans) {
            spans.await(traceOf(scan).getTraceId(), "of contact-trace indexing the contact's visit", s -> s.name()
                    .equals("scan-recorded process") && eventId(scan).equals(s.attributes().get("messaging.message.id")));
        }

        given().auth().oauth2(authority).contentType(ContentType.JSON)
                .body(Map.of("subjectId", patient.subjectId(), "status", "CONFIRMED"))
                .post("/api/v1/cases").then().statusCode(201);
        close.awaitCode("RED as a close contact", c -> "RED".equals(c.getString("colour")));

        String trace = traceOf(record("case-confirmed", patient.subjectId(), "")).getTraceId();
        ConsumerRecord<String, String> contact = record("contact-identified", close.subjectId(), "");
        assertEquals(trace, traceOf(contact).getTraceId(), () -> "the contact's event in the case's trace; its trace: "
                + spans.trace(traceOf(contact).getTraceId()).stream().map(s -> s.service() + " " + s.name()).toList());
        String contactEvent = eventId(contact);
        ConsumerRecord<String, String> colour = record("risk-recalculated", close.subjectId(),
                "\"causeEventId\":\"" + contactEvent + "\"");
        assertEquals(trace, traceOf(colour).getTraceId(), "the new colour in the case's trace");

        SpanCollector.Span call = spans.await(trace, "of the gateway's POST /api/v1/cases", s -> s.service().equals("gateway")
                && s.kind().equals("SERVER") && s.name().equals("POST /api/v1/cases"));
        SpanCollector.Span recorded = spans.await(trace, "of contact-trace's POST /v1/cases",
                s -> s.service().equals("contact-trace-service") && s.kind().equals("SERVER"));
        assertEquals("POST /v1/cases", recorded.name());
        assertEquals("gateway", spans.await(trace, "calling contact-trace",
                s -> s.spanId().equals(recorded.parentSpanId())).service(), "called by the gateway");
        SpanCollector.Span applied = spans.await(trace, "of risk-scoring applying the contact's event",
                s -> s.service().equals("risk-scoring-service") && s.name().equals("contact-identified process")
                        && contactEvent.equals(s.attributes().get("messaging.message.id")));
        SpanCollector.Span published = spans.await(trace, "publishing the new colour",
                s -> s.spanId().equals(traceOf(colour).getSpanId()));
        assertEquals("risk-recalculated publish", published.name());
        assertEquals(applied.spanId(), published.parentSpanId(), "the new colour published from that processing");
        spans.await(trace, "of code-issuer applying the new colour", s -> s.service().equals("code-issuer-service")
                && s.name().equals("risk-recalculated process"));
        assertEquals(call.traceId(), applied.traceId());

        StringBuilder tree = new StringBuilder("Trace " + trace + " of one confirmed case (service, span, parent):");
        Map<String, SpanCollector.Span> byId = new HashMap<>();
        spans.trace(trace).forEach(s -> byId.put(s.spanId(), s));
        for (SpanCollector.Span s : spans.trace(trace)) {
            SpanCollector.Span parent = byId.get(s.parentSpanId());
            tree.append("\n  ").append(s.service()).append(" | ").append(s.kind()).append(' ').append(s.name())
                    .append(" | ").append(parent == null ? "-" : parent.service() + " " + parent.name());
        }
        System.out.println(tree);
    }

    /** The first event of the topic about the subject whose JSON contains {@code containing}. */
    private static ConsumerRecord<String, String> record(String topic, String subjectId, String containing) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.read(topic,
                r -> subjectId.equals(r.key()) && r.value().contains(containing), 1, Duration.ofSeconds(10));
        assertEquals(1, records.size(), topic + " about the subject");
        return records.get(0);
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        Matcher id = EVENT_ID.matcher(record.value());
        assertTrue(id.find(), "an event id");
        return id.group(1);
    }

    /** The trace a record was published in, from its W3C traceparent header. */
    private static SpanContext traceOf(ConsumerRecord<String, String> record) {
        SpanContext context = KafkaTestClient.traceOf(record.headers());
        assertTrue(context.isValid(), record.topic() + " record with a traceparent header");
        return context;
    }

    @Test
    void forgedExpiredAndForeignCodesAreDenied() throws Exception {
        String market = venue("Dongxin Market", "MARKET");
        Citizen citizen = green();
        String token = citizen.code().getString("token");

        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "A" + token.substring(token.lastIndexOf('.') + 2);
        if (forged.equals(token)) {
            forged = token.substring(0, token.lastIndexOf('.') + 1) + "B" + token.substring(token.lastIndexOf('.') + 2);
        }
        scan(forged, market).body("decision", equalTo("DENY")).body("reason", equalTo("BAD_SIGNATURE"));

        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        TokenIssuer shanghai = new TokenIssuer(SigningKey.fromPkcs8("s1", ec.generateKeyPair().getPrivate().getEncoded()),
                "310000", Duration.ofMinutes(3), platform.clock());
        String foreign = shanghai.issue(citizen.subjectId(), Colour.GREEN, false).token();
        scan(foreign, market).body("decision", equalTo("DENY")).body("reason", equalTo("UNTRUSTED_ISSUER"));

        platform.advance(Duration.ofMinutes(10));
        scan(token, market).body("decision", equalTo("DENY")).body("reason", equalTo("EXPIRED"));
        admitted(citizen, market);
    }

    /** Distinct events (by CloudEvents id) about these subjects: redelivered copies count once. */
    private static int eventsAbout(Set<String> subjects, String topic) {
        return (int) KafkaTestClient.read(topic, r -> subjects.contains(r.key()), Integer.MAX_VALUE, Duration.ofSeconds(3))
                .stream().map(r -> EVENT_ID.matcher(r.value())).filter(Matcher::find).map(m -> m.group(1))
                .distinct().count();
    }

    private void redeliverEverything() {
        for (String topic : List.of("declaration-submitted", "scan-recorded", "case-confirmed", "contact-identified",
                "risk-recalculated")) {
            for (ConsumerRecord<String, String> event : KafkaTestClient.read(topic, r -> true, Integer.MAX_VALUE,
                    Duration.ofSeconds(3))) {
                try {
                    KafkaTestClient.send(topic, event.key(), event.value());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private String venue(String name, String type) {
        return given().auth().oauth2(checkpoint).contentType(ContentType.JSON)
                .body(Map.of("name", name, "type", type, "regionCode", "330106", "address", "1 Demo Road"))
                .post("/api/v1/venues").then().statusCode(201).extract().path("id");
    }

    private io.restassured.response.ValidatableResponse scan(String token, String venue) {
        return scanCall(token, venue).then().statusCode(200);
    }

    private io.restassured.response.Response scanCall(String token, String venue) {
        return given().auth().oauth2(checkpoint).contentType(ContentType.JSON)
                .body(Map.of("token", token, "venueId", venue, "scanId", UUID.randomUUID().toString()))
                .post("/api/v1/scans");
    }

    /**
     * Scans a green citizen in. The checkpoint keeps its own copy of the colours, a moment behind
     * code-issuer's: until the citizen's colour reaches it the answer is DENY NO_COLOUR, as at a
     * real entrance, and the operator scans again.
     */
    private void admitted(Citizen citizen, String venue) {
        CitizenJourneyIT.await("ALLOW at the checkpoint", () -> scanCall(citizen.code().getString("token"), venue),
                scan -> "ALLOW".equals(scan.getString("decision")));
    }

    private static Citizen green() {
        Citizen citizen = Citizen.registered();
        citizen.declare(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(), "temperature", 36.5));
        citizen.awaitCode("GREEN", c -> "GREEN".equals(c.getString("colour")));
        return citizen;
    }
}
