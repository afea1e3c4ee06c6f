package org.healthcode.trace;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Scans in over Kafka, a case confirmed over HTTP, contacts out over Kafka: the service end to end. */
@QuarkusTest
@QuarkusTestResource(TraceServiceResource.class)
class CaseTracingIT {

    private static final String AUTHORITY = TestTokens.staff("authority-zj", "authority", "330000");
    private static final String EPIDEMIOLOGIST = TestTokens.staff("epi-zj", "epidemiologist", "330000");
    private static final String OTHER_EPIDEMIOLOGIST = TestTokens.staff("epi-sh", "epidemiologist", "310000");

    @Inject
    ObjectMapper json;
    @Inject
    Pool pool;

    @Test
    void aConfirmedCaseExposesItsCoVisitorsOnceEachByWindowAndDegree() throws Exception {
        Scans scans = new Scans(json, pool);
        Instant t0 = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        UUID mall = UUID.randomUUID();
        UUID park = UUID.randomUUID();
        UUID carriage = UUID.randomUUID();
        String patient = Scans.subject();
        String close = Scans.subject();
        String yellow = Scans.subject();
        String threeHoursLater = Scans.subject();
        String passenger = Scans.subject();
        String second = Scans.subject();
        String notCloseToTheContact = Scans.subject();
        List<String> everyone = List.of(patient, close, yellow, threeHoursLater, passenger, second, notCloseToTheContact);

        scans.scan(patient, mall, "MALL", t0);
        scans.scan(close, mall, "MALL", t0.plus(20, ChronoUnit.MINUTES));
        scans.scan(yellow, mall, "MALL", t0.plus(45, ChronoUnit.MINUTES));
        scans.scan(threeHoursLater, mall, "MALL", t0.plus(3, ChronoUnit.HOURS));
        scans.scan(close, park, "PARK", t0.plus(2, ChronoUnit.HOURS));
        scans.scan(second, park, "PARK", t0.plus(130, ChronoUnit.MINUTES));
        scans.scan(notCloseToTheContact, park, "PARK", t0.plus(170, ChronoUnit.MINUTES));
        scans.scan(patient, carriage, "TRAIN", t0.plus(1, ChronoUnit.DAYS));
        scans.scan(passenger, carriage, "TRAIN", t0.plus(1, ChronoUnit.DAYS).plus(5, ChronoUnit.HOURS));
        assertEquals(9, scans.awaitVisits(everyone, 9));

        JsonPath decided = confirm(patient, "CONFIRMED").statusCode(201)
                .body("subjectId", equalTo(patient)).body("status", equalTo("CONFIRMED"))
                .body("change", equalTo("OPENED")).body("province", equalTo("330000"))
                .body("contactsFound", equalTo(4)).body("contactsPublished", equalTo(4))
                .extract().jsonPath();
        String caseId = decided.getString("id");

        JsonNode confirmed = json.readTree(only(caseEvents(caseId, 1)).value());
        assertEquals("cn.healthcode.case-confirmed", confirmed.get("type").asText());
        JsonNode data = confirmed.get("data");
        assertEquals(patient, data.get("subjectId").asText());
        assertEquals("CONFIRMED", data.get("status").asText());
        assertTrue(data.get("onsetDate").isNull());
        assertEquals("330000", data.get("province").asText());

        Map<String, JsonNode> contacts = contactEvents(caseId, 4);
        assertEquals(List.of(close, yellow, second, passenger).stream().sorted().toList(),
                contacts.keySet().stream().sorted().toList(), "exactly the four contacts, once each");
        assertContact(contacts.get(close), 1, "CLOSE", mall, t0, t0.plus(20, ChronoUnit.MINUTES));
        assertContact(contacts.get(yellow), 1, "SPATIOTEMPORAL", mall, t0, t0.plus(45, ChronoUnit.MINUTES));
        assertContact(contacts.get(passenger), 1, "TRANSPORT", carriage, t0.plus(1, ChronoUnit.DAYS),
                t0.plus(1, ChronoUnit.DAYS).plus(5, ChronoUnit.HOURS));
        assertContact(contacts.get(second), 2, "CLOSE", park, t0.plus(2, ChronoUnit.HOURS),
                t0.plus(130, ChronoUnit.MINUTES));
        JsonNode one = contacts.get(close).get("data");
        assertEquals(caseId, one.get("caseId").asText());
        assertEquals(patient, one.get("caseSubjectId").asText());
        assertEquals("330000", one.get("province").asText());

        // Confirming again, and every scan delivered again, change nothing.
        confirm(patient, "CONFIRMED").statusCode(201).body("id", equalTo(caseId)).body("change", equalTo("UNCHANGED"))
                .body("contactsFound", equalTo(4)).body("contactsPublished", equalTo(0));
        scans.redeliverAll();
        // One more scan per subject, at a venue of its own: on each key's partition it comes after
        // the redelivered ones, so once these are in, the redeliveries have been consumed.
        List<UUID> markers = new ArrayList<>();
        for (String subject : everyone) {
            UUID alone = UUID.randomUUID();
            markers.add(alone);
            scans.scan(subject, alone, "PARK", t0.minus(10, ChronoUnit.DAYS));
        }
        assertEquals(7, scans.awaitVisitsAt(markers, 7));
        assertEquals(9 + 7, scans.visits(everyone), "a redelivered scan is no new visit");
        confirm(patient, "CONFIRMED").statusCode(201).body("contactsPublished", equalTo(0));
        assertEquals(4, contactEvents(caseId, 5).size(), "no contact published twice");
        assertEquals(1, caseEvents(caseId, 2).size(), "a re-confirmation publishes no case-confirmed");

        // The epidemiologist's view: contacts by degree then overlapFrom, and the chain.
        JsonPath page0 = contactsPage(caseId, 0, 2).statusCode(200)
                .body("total", equalTo(4)).body("page", equalTo(0)).body("size", equalTo(2))
                .extract().jsonPath();
        assertEquals(List.of(1, 1), page0.getList("items.degree"));
        assertEquals(List.of(t0.toString(), t0.toString()), page0.getList("items.overlapFrom"));
        JsonPath page1 = contactsPage(caseId, 1, 2).statusCode(200).extract().jsonPath();
        assertEquals(List.of(passenger, second), page1.getList("items.contactSubjectId"));
        assertEquals(List.of("TRANSPORT", "CLOSE"), page1.getList("items.exposure"));
        assertEquals(List.of(1, 2), page1.getList("items.degree"));

        JsonPath chain = given().auth().oauth2(EPIDEMIOLOGIST).get("/v1/cases/" + caseId + "/chain")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(5, chain.getList("nodes").size());
        assertEquals("CASE", chain.getString("nodes.find { it.subjectId == '" + patient + "' }.role"));
        assertEquals(2, chain.getInt("nodes.find { it.subjectId == '" + second + "' }.degree"));
        assertEquals(4, chain.getList("edges").size());
        Map<String, String> sourceOf = new HashMap<>();
        chain.getList("edges", Map.class).forEach(e -> sourceOf.put((String) e.get("target"), (String) e.get("source")));
        assertEquals(Map.of(close, patient, yellow, patient, passenger, patient, second, close), sourceOf);
        assertEquals(park.toString(), chain.getString("edges.find { it.target == '" + second + "' }.venueId"));
        assertEquals("CLOSE", chain.getString("edges.find { it.target == '" + second + "' }.exposure"));

        // Another province's staff do not see it.
        for (String path : List.of("", "/contacts", "/chain")) {
            given().auth().oauth2(OTHER_EPIDEMIOLOGIST).get("/v1/cases/" + caseId + path)
                    .then().statusCode(403).body("error", equalTo("FORBIDDEN_PROVINCE"));
        }
        given().auth().oauth2(AUTHORITY).get("/v1/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("subjectId", equalTo(patient));

        // Clearing publishes CLEARED for the same case, and traces nothing.
        confirm(patient, "CLEARED").statusCode(201).body("id", equalTo(caseId)).body("change", equalTo("CHANGED"))
                .body("status", equalTo("CLEARED"));
        List<ConsumerRecord<String, String>> caseEvents = caseEvents(caseId, 2);
        assertEquals(2, caseEvents.size());
        assertEquals("CLEARED", json.readTree(caseEvents.get(1).value()).get("data").get("status").asText());
        assertEquals(4, contactEvents(caseId, 5).size());
    }

    @Test
    void scansThatArriveAfterTheCaseWasTracedStillFindTheirContacts() throws Exception {
        Scans scans = new Scans(json, pool);
        Instant t0 = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        UUID shop = UUID.randomUUID();
        UUID canteen = UUID.randomUUID();
        String patient = Scans.subject();
        String close = Scans.subject();
        String second = Scans.subject();
        String stranger = Scans.subject();
        scans.scan(patient, shop, "MALL", t0);
        assertEquals(1, scans.awaitVisits(List.of(patient), 1));
        String caseId = confirm(patient, "CONFIRMED").statusCode(201).body("contactsFound", equalTo(0))
                .extract().path("id");

        // An offline checkpoint uploads its day afterwards, in no particular order.
        scans.scan(second, canteen, "COMPANY", t0.plus(3, ChronoUnit.HOURS));
        scans.scan(close, shop, "MALL", t0.plus(10, ChronoUnit.MINUTES));
        scans.scan(close, canteen, "COMPANY", t0.plus(3, ChronoUnit.HOURS).plus(5, ChronoUnit.MINUTES));
        scans.scan(stranger, canteen, "COMPANY", t0.plus(8, ChronoUnit.HOURS));

        Map<String, JsonNode> contacts = contactEvents(caseId, 3);
        assertEquals(List.of(close, second).stream().sorted().toList(),
                contacts.keySet().stream().sorted().toList(), "the late co-visitor and their own contact, once each");
        assertContact(contacts.get(close), 1, "CLOSE", shop, t0, t0.plus(10, ChronoUnit.MINUTES));
        assertContact(contacts.get(second), 2, "CLOSE", canteen, t0.plus(3, ChronoUnit.HOURS),
                t0.plus(3, ChronoUnit.HOURS).plus(5, ChronoUnit.MINUTES));
        confirm(patient, "CONFIRMED").statusCode(201).body("contactsFound", equalTo(2))
                .body("contactsPublished", equalTo(0));
    }

    @Test
    void aContactWhoIsAVisitorCarriesTheirHomeProvinceAndALocalContactNone() throws Exception {
        Scans scans = new Scans(json, pool);
        Instant t0 = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        UUID market = UUID.randomUUID();
        String patient = Scans.subject();
        String shanghaiVisitor = Scans.subject();
        String neighbour = Scans.subject();
        scans.scan(patient, market, "MARKET", t0);
        scans.visitorScan(shanghaiVisitor, market, "MARKET", t0.plus(5, ChronoUnit.MINUTES), "310000");
        scans.scan(neighbour, market, "MARKET", t0.plus(10, ChronoUnit.MINUTES));
        assertEquals(3, scans.awaitVisits(List.of(patient, shanghaiVisitor, neighbour), 3));

        String caseId = confirm(patient, "CONFIRMED").statusCode(201).body("contactsPublished", equalTo(2))
                .extract().path("id");

        Map<String, JsonNode> contacts = contactEvents(caseId, 2);
        assertEquals("310000", contacts.get(shanghaiVisitor).get("data").get("homeProvince").asText(),
                "the visitor's finding names their home, where it is to be sent");
        assertEquals("330000", contacts.get(shanghaiVisitor).get("data").get("province").asText(), "the case's");
        assertTrue(contacts.get(neighbour).get("data").get("homeProvince").isNull(), "a resident: no other home");

        // the epidemiologist's list says who lives elsewhere, so nobody knocks on a door in Hangzhou for them
        JsonPath page = contactsPage(caseId, 0, 10).statusCode(200).extract().jsonPath();
        assertEquals("310000", page.getString("items.find { it.contactSubjectId == '" + shanghaiVisitor
                + "' }.homeProvince"));
        assertNull(page.getString("items.find { it.contactSubjectId == '" + neighbour + "' }.homeProvince"));
        assertEquals(2, page.getList("items").size());
    }

    @Test
    void closeContactsComeBeforeTheirOwnContactsOnEveryPartition() throws Exception {
        // risk-scoring takes each partition in order, a slice at a time: a close contact, who turns
        // red, must not wait behind anyone's degree-2 contact on their partition.
        Scans scans = new Scans(json, pool);
        Instant t0 = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        UUID hall = UUID.randomUUID();
        String patient = Scans.subject();
        List<String> everyone = new ArrayList<>(List.of(patient));
        scans.scan(patient, hall, "MALL", t0);
        for (int i = 1; i <= 12; i++) {
            UUID canteen = UUID.randomUUID();
            String close = Scans.subject();
            String second = Scans.subject();
            scans.scan(close, hall, "MALL", t0.plus(i, ChronoUnit.MINUTES));
            scans.scan(close, canteen, "COMPANY", t0.plus(3, ChronoUnit.HOURS));
            scans.scan(second, canteen, "COMPANY", t0.plus(3, ChronoUnit.HOURS).plus(i, ChronoUnit.MINUTES));
            everyone.add(close);
            everyone.add(second);
        }
        assertEquals(37, scans.awaitVisits(everyone, 37));

        String caseId = confirm(patient, "CONFIRMED").statusCode(201).body("contactsPublished", equalTo(24))
                .extract().path("id");
        List<ConsumerRecord<String, String>> records = KafkaTestClient.read("contact-identified",
                r -> r.value().contains(caseId), 24, Duration.ofSeconds(10));
        assertEquals(24, records.size());
        Map<Integer, List<Integer>> degreesByPartition = new TreeMap<>();
        records.stream().sorted(Comparator.comparingLong(ConsumerRecord::offset))
                .forEach(r -> degreesByPartition.computeIfAbsent(r.partition(), p -> new ArrayList<>())
                        .add(read(r).get("data").get("degree").asInt()));
        assertTrue(degreesByPartition.values().stream().anyMatch(degrees -> degrees.contains(1) && degrees.contains(2)),
                "some partition carries both degrees");
        degreesByPartition.forEach((partition, degrees) -> assertEquals(degrees.stream().sorted().toList(), degrees,
                "partition " + partition + ", degrees in the order published"));
    }

    @Test
    void theLookBackAndTheProvincesSettingsBoundTheTrace() throws Exception {
        Scans scans = new Scans(json, pool);
        String shanghai = TestTokens.staff("authority-sh", "authority", TraceServiceResource.NO_FAN_OUT_PROVINCE);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID oldVenue = UUID.randomUUID();
        UUID venue = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        String patient = Scans.subject();
        String longAgo = Scans.subject();
        String recent = Scans.subject();
        String wouldBeSecond = Scans.subject();
        scans.scan(patient, oldVenue, "MARKET", now.minus(16, ChronoUnit.DAYS));
        scans.scan(longAgo, oldVenue, "MARKET", now.minus(16, ChronoUnit.DAYS).plus(10, ChronoUnit.MINUTES));
        scans.scan(patient, venue, "COMPANY", now.minus(5, ChronoUnit.DAYS));
        scans.scan(recent, venue, "COMPANY", now.minus(5, ChronoUnit.DAYS).plus(10, ChronoUnit.MINUTES));
        scans.scan(recent, later, "SCHOOL", now.minus(4, ChronoUnit.DAYS));
        scans.scan(wouldBeSecond, later, "SCHOOL", now.minus(4, ChronoUnit.DAYS).plus(5, ChronoUnit.MINUTES));
        assertEquals(6, scans.awaitVisits(List.of(patient, longAgo, recent, wouldBeSecond), 6));

        // 14 days back, and province 310000 does not fan out to degree 2.
        String caseId = decide(shanghai, Map.of("subjectId", patient, "status", "CONFIRMED")).statusCode(201)
                .body("province", equalTo("310000")).body("contactsPublished", equalTo(1))
                .extract().path("id");
        assertEquals(List.of(recent), List.copyOf(contactEvents(caseId, 2).keySet()));

        // An onset 17 days ago reaches back 19 days: the old co-visitor is found, and only they are new.
        String onset = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(17).toString();
        decide(shanghai, Map.of("subjectId", patient, "status", "CONFIRMED", "onsetDate", onset)).statusCode(201)
                .body("id", equalTo(caseId)).body("change", equalTo("UNCHANGED"))
                .body("contactsFound", equalTo(2)).body("contactsPublished", equalTo(1));
        assertEquals(List.of(longAgo, recent).stream().sorted().toList(),
                contactEvents(caseId, 3).keySet().stream().sorted().toList());
    }

    @Test
    void aSuspectedCaseIsPublishedButTracedOnlyOnceConfirmed() throws Exception {
        Scans scans = new Scans(json, pool);
        Instant t0 = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        UUID venue = UUID.randomUUID();
        String patient = Scans.subject();
        String neighbour = Scans.subject();
        scans.scan(patient, venue, "HOSPITAL", t0);
        scans.scan(neighbour, venue, "HOSPITAL", t0.plus(5, ChronoUnit.MINUTES));
        assertEquals(2, scans.awaitVisits(List.of(patient, neighbour), 2));

        String caseId = decide(AUTHORITY, Map.of("subjectId", patient, "status", "SUSPECTED", "regionCode", "330106"))
                .statusCode(201).body("change", equalTo("OPENED")).extract().path("id");
        assertTrue(contactEvents(caseId, 1).isEmpty(), "a suspicion is not traced");
        decide(AUTHORITY, Map.of("subjectId", patient, "status", "CONFIRMED")).statusCode(201)
                .body("id", equalTo(caseId)).body("change", equalTo("CHANGED")).body("contactsPublished", equalTo(1));

        List<ConsumerRecord<String, String>> events = caseEvents(caseId, 2);
        assertEquals(List.of("SUSPECTED", "CONFIRMED"), events.stream()
                .map(r -> read(r).get("data").get("status").asText()).toList());
        assertEquals("330106", read(events.get(1)).get("data").get("regionCode").asText());
        assertEquals(List.of(neighbour), List.copyOf(contactEvents(caseId, 1).keySet()));
    }

    private JsonNode read(ConsumerRecord<String, String> record) {
        try {
            return json.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static io.restassured.response.ValidatableResponse confirm(String subjectId, String status) {
        return decide(AUTHORITY, Map.of("subjectId", subjectId, "status", status));
    }

    private static io.restassured.response.ValidatableResponse decide(String token, Map<String, String> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/v1/cases").then();
    }

    private static io.restassured.response.ValidatableResponse contactsPage(String caseId, int page, int size) {
        return given().auth().oauth2(EPIDEMIOLOGIST).queryParam("page", page).queryParam("size", size)
                .get("/v1/cases/" + caseId + "/contacts").then();
    }

    /** The case's case-confirmed events, waiting for up to {@code count} of them. */
    private static List<ConsumerRecord<String, String>> caseEvents(String caseId, int count) {
        return KafkaTestClient.read("case-confirmed", r -> r.value().contains(caseId), count, Duration.ofSeconds(
                count > 1 ? 4 : 10));
    }

    /** The case's contact-identified events by contact, failing on a contact published twice. */
    private Map<String, JsonNode> contactEvents(String caseId, int atMost) throws Exception {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.read("contact-identified",
                r -> r.value().contains(caseId), atMost, Duration.ofSeconds(6));
        Map<String, JsonNode> byContact = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode event = json.readTree(record.value());
            assertEquals(record.key(), event.get("data").get("contactSubjectId").asText(), "keyed by the contact");
            assertEquals(record.key(), event.get("subject").asText());
            assertTrue(byContact.put(record.key(), event) == null, "a contact published twice");
        }
        return byContact;
    }

    private static ConsumerRecord<String, String> only(List<ConsumerRecord<String, String>> records) {
        assertEquals(1, records.size());
        return records.get(0);
    }

    private static void assertContact(JsonNode event, int degree, String exposure, UUID venue, Instant from,
            Instant to) {
        JsonNode data = event.get("data");
        assertEquals("cn.healthcode.contact-identified", event.get("type").asText());
        assertEquals(degree, data.get("degree").asInt());
        assertEquals(exposure, data.get("exposure").asText());
        assertEquals(venue.toString(), data.get("venueId").asText());
        assertEquals(from, Instant.parse(data.get("overlapFrom").asText()));
        assertEquals(to, Instant.parse(data.get("overlapTo").asText()));
        assertEquals(to, Instant.parse(data.get("lastExposure").asText()));
    }
}
