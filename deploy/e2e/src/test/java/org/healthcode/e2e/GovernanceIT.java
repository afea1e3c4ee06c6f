package org.healthcode.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.healthcode.e2e.CitizenJourneyIT.Citizen;
import org.healthcode.infra.Processes;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Governance on the whole platform: a colour explained in the citizen's language, an appeal upheld
 * through a four-eyes override, rules published ahead after a dry run, staff confined to their
 * province and audited, an audit trail nobody can change, and at the end of the emergency: intake
 * refused everywhere, then a destruction that leaves no personal data in any table of any service
 * nor any event on any Kafka topic. Runs last: it ends the emergency and destroys.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(3)
class GovernanceIT {

    private static final List<String> SCHEMAS = List.of("declaration", "risk_scoring", "code_issuer",
            "scan_checkpoint", "contact_trace");
    private static Platform platform;
    private final String authority1 = TestTokens.staff("authority-a-" + UUID.randomUUID(), "authority", "330000");
    private final String authority2 = TestTokens.staff("authority-b-" + UUID.randomUUID(), "authority", "330000");
    private static final String ADMIN = TestTokens.staff("admin-" + UUID.randomUUID(), "admin", "330000");

    @BeforeAll
    static void startPlatform() {
        platform = Platform.get();
        RestAssured.baseURI = platform.gatewayUrl();
        RestAssured.port = -1;
    }

    @Test
    @Order(1)
    void aColourIsExplainedInTheCitizensLanguageWithWhatToDo() {
        Citizen traveller = Citizen.registered();
        LocalDate left = platform.today().minusDays(2);
        given().auth().oauth2(authority1).contentType(ContentType.JSON).body(Map.of("level", "HIGH"))
                .put("/api/v1/regions/420106/risk").then().statusCode(200);
        traveller.declare(Map.of("travel", List.of(Map.of("regionCode", "420106", "from", left.minusDays(1).toString(),
                "to", left.toString())), "contactWithCase", false, "symptoms", List.of(), "temperature", 36.5));
        traveller.awaitCode("RED for travel", c -> "RED".equals(c.getString("colour")));

        JsonPath en = given().auth().oauth2(traveller.token).header("Accept-Language", "en-US,en;q=0.8")
                .get("/api/v1/me/code/explanation").then().statusCode(200).extract().jsonPath();
        assertEquals("RED", en.getString("colour"));
        assertEquals("en", en.getString("language"));
        assertEquals("HIGH_RISK_TRAVEL", en.getString("reasons[0].code"));
        String green = left.plusDays(14).toString(); // red until the local start of that day
        assertTrue(en.getString("reasons[0].action").contains(green), en.prettify());
        JsonPath zh = given().auth().oauth2(traveller.token).header("Accept-Language", "zh-CN")
                .get("/api/v1/me/code/explanation").then().statusCode(200).extract().jsonPath();
        assertEquals("zh", zh.getString("language"));
        assertTrue(zh.getString("reasons[0].text").codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HAN), zh.prettify());
        assertFalse(en.prettify().contains(traveller.name) || zh.prettify().contains(traveller.idNumber));
    }

    @Test
    @Order(2)
    void anUpheldAppealBecomesAnOverrideOnlyWhenASecondAuthorityApprovesIt() {
        Citizen citizen = Citizen.registered();
        citizen.declare(Map.of("travel", List.of(), "contactWithCase", true, "symptoms", List.of(), "temperature", 36.5));
        citizen.awaitCode("RED for a declared contact", c -> "RED".equals(c.getString("colour")));

        String appealId = given().auth().oauth2(citizen.token).contentType(ContentType.JSON)
                .body(Map.of("reason", "I ticked the contact box by mistake"))
                .post("/api/v1/me/appeals").then().statusCode(201).body("status", equalTo("OPEN"))
                .extract().path("id");
        given().auth().oauth2(authority1).queryParam("status", "OPEN").get("/api/v1/appeals").then().statusCode(200)
                .body("items.id", hasItem(appealId));
        given().auth().oauth2(TestTokens.staff("authority-sh", "authority", "310000")).queryParam("status", "OPEN")
                .get("/api/v1/appeals").then().statusCode(200).body("items.id", not(hasItem(appealId)));

        String until = platform.clock().instant().plus(Duration.ofDays(3)).toString();
        JsonPath answered = given().auth().oauth2(authority1).contentType(ContentType.JSON)
                .body(Map.of("decision", "UPHELD", "note", "Confirmed by phone: no contact",
                        "override", Map.of("colour", "GREEN", "until", until)))
                .post("/api/v1/appeals/" + appealId + "/answer").then().statusCode(200)
                .body("status", equalTo("UPHELD")).body("overrideProposal.status", equalTo("PROPOSED"))
                .extract().jsonPath();
        String overrideId = answered.getString("overrideProposal.id");
        assertEquals("RED", citizen.code().getString("colour"), "a proposal alone changes nothing");

        given().auth().oauth2(authority1).contentType(ContentType.JSON).body(Map.of("note", "mine"))
                .post("/api/v1/overrides/" + overrideId + "/approve").then().statusCode(403)
                .body("error", equalTo("SELF_APPROVAL"));
        given().auth().oauth2(TestTokens.staff("authority-sh-2", "authority", "310000")).contentType(ContentType.JSON)
                .body(Map.of("note", "not mine to judge")).post("/api/v1/overrides/" + overrideId + "/approve")
                .then().statusCode(403);
        given().auth().oauth2(authority2).contentType(ContentType.JSON).body(Map.of("note", "agreed"))
                .post("/api/v1/overrides/" + overrideId + "/approve").then().statusCode(200);

        JsonPath green = citizen.awaitCode("GREEN by the approved override", c -> "GREEN".equals(c.getString("colour")));
        assertEquals("MANUAL_OVERRIDE", green.getString("reasons[0].code"));
        given().auth().oauth2(citizen.token).get("/api/v1/me/appeals").then().statusCode(200)
                .body("items.find { it.id == '" + appealId + "' }.status", equalTo("UPHELD"))
                .body("items.find { it.id == '" + appealId + "' }.answer.note", equalTo("Confirmed by phone: no contact"));

        JsonPath trail = given().auth().oauth2(ADMIN).queryParam("subjectId", citizen.subjectId())
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        List<String> actions = trail.getList("entries.action");
        assertTrue(actions.containsAll(List.of("APPEAL_ANSWERED", "OVERRIDE_PROPOSED", "OVERRIDE_APPROVED",
                "COLOUR_CHANGED")), actions::toString);
    }

    @Test
    @Order(3)
    void rulesArePublishedAheadAfterADryRunAndApplyAtTheirTime() {
        String shanghai = TestTokens.staff("authority-sh-rules", "authority", "310000");
        Citizen resident = Citizen.registeredIn("310101");
        resident.declare(Map.of("travel", List.of(), "contactWithCase", true, "symptoms", List.of(), "temperature", 36.5));
        resident.awaitCode("RED for a declared contact", c -> "RED".equals(c.getString("colour")));
        int version = explanation(resident).getInt("ruleSetVersion");

        // the rules in force, with one change: a declared contact is yellow, no longer red
        Map<String, Object> definition = given().auth().oauth2(shanghai).get("/api/v1/rule-sets").then()
                .statusCode(200).extract().jsonPath().getMap("find { it.status == 'ACTIVE' }.definition");
        @SuppressWarnings("unchecked")
        Map<String, Object> reasons = (Map<String, Object>) definition.get("reasons");
        reasons.put("DECLARED_CONTACT", Map.of("colour", "YELLOW", "durationDays", 14));
        JsonPath dryRun = given().auth().oauth2(shanghai).contentType(ContentType.JSON)
                .body(Map.of("definition", definition)).post("/api/v1/rule-sets/dry-run").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(dryRun.getList("changes.findAll { it.from == 'RED' && it.to == 'YELLOW' }.count", Integer.class)
                .stream().mapToInt(Integer::intValue).sum() >= 1, dryRun.prettify());
        assertEquals("RED", resident.code().getString("colour"), "a dry run changes nothing");

        Instant now = platform.clock().instant();
        given().auth().oauth2(shanghai).contentType(ContentType.JSON)
                .body(Map.of("definition", definition, "effectiveFrom", now.plus(Duration.ofHours(1)).toString()))
                .post("/api/v1/rule-sets").then().statusCode(400).body("error", equalTo("TOO_SOON"));
        int published = given().auth().oauth2(shanghai).contentType(ContentType.JSON)
                .body(Map.of("definition", definition, "effectiveFrom", now.plus(Duration.ofHours(25)).toString()))
                .post("/api/v1/rule-sets").then().statusCode(201).extract().path("version");
        assertTrue(published > version);
        assertEquals("RED", resident.code().getString("colour"), "not before its time");

        platform.advance(Duration.ofHours(26));
        resident.checkIn(List.of(), 36.5); // today's check-in, so that validity is not what changes
        resident.awaitCode("YELLOW under the new rules", c -> "YELLOW".equals(c.getString("colour")));
        assertEquals(published, explanation(resident).getInt("ruleSetVersion"));
    }

    @Test
    @Order(4)
    void staffAreConfinedToTheirProvinceAndEveryRefusalIsAudited() {
        String foreigner = "epi-sh-" + UUID.randomUUID();
        Citizen patient = Citizen.registered();
        String caseId = given().auth().oauth2(authority1).contentType(ContentType.JSON)
                .body(Map.of("subjectId", patient.subjectId(), "status", "CONFIRMED"))
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.staff(foreigner, "epidemiologist", "310000"))
                .get("/api/v1/cases/" + caseId + "/contacts").then().statusCode(403);
        given().auth().oauth2(TestTokens.staff("epi-zj-" + UUID.randomUUID(), "epidemiologist", "330000"))
                .get("/api/v1/cases/" + caseId + "/contacts").then().statusCode(200);

        JsonPath refused = given().auth().oauth2(ADMIN).queryParam("actor", foreigner).get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("CROSS_PROVINCE_READ"), refused.getList("entries.action"));
        assertEquals(List.of("REFUSED"), refused.getList("entries.outcome"));
        JsonPath reads = given().auth().oauth2(ADMIN).queryParam("subjectId", patient.subjectId())
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertTrue(reads.getList("entries.action").contains("CONTACTS_READ"), reads.prettify());
    }

    @Test
    @Order(5)
    void noServiceCanChangeItsAuditTrail() throws SQLException {
        try (Connection db = DriverManager.getConnection(platform.jdbcUrl(), "postgres", "")) {
            for (String schema : SCHEMAS) {
                try (Statement append = db.createStatement()) {
                    // appending is what a trail is for; it also gives the changes below a row to hit
                    append.execute("insert into " + schema + ".audit_entry (at, actor, action, outcome) "
                            + "values (now(), 'e2e', 'PROBE', 'DONE')");
                }
                for (String change : List.of("update " + schema + ".audit_entry set actor = 'nobody'",
                        "delete from " + schema + ".audit_entry", "truncate " + schema + ".audit_entry")) {
                    SQLException refused = assertThrows(SQLException.class, () -> {
                        try (Statement statement = db.createStatement()) {
                            statement.execute(change);
                        }
                    }, change);
                    assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
                }
            }
        }
    }

    @Test
    @Order(99)
    void theEndOfTheEmergencyStopsIntakeThenTheDestructionLeavesNoPersonalDataInAnyTableOrTopic() throws Exception {
        Citizen last = Citizen.registered();
        last.declare(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(), "temperature", 36.5));
        last.awaitCode("GREEN", c -> "GREEN".equals(c.getString("colour")));
        String checkpoint = TestTokens.staff("checkpoint-end-" + UUID.randomUUID(), "checkpoint", "330000");
        String venue = given().auth().oauth2(checkpoint).contentType(ContentType.JSON)
                .body(Map.of("name", "Last mall", "type", "MALL", "regionCode", "330106", "address", "9 Test Road"))
                .post("/api/v1/venues").then().statusCode(201).extract().path("id");
        String token = last.code().getString("token");
        Map<String, java.util.function.Supplier<io.restassured.response.Response>> intake = new LinkedHashMap<>();
        intake.put("declaration", () -> given().auth().oauth2(last.token).contentType(ContentType.JSON)
                .body(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(), "temperature", 36.5))
                .post("/api/v1/me/declarations"));
        intake.put("scan", () -> given().auth().oauth2(checkpoint).contentType(ContentType.JSON)
                .body(Map.of("token", token, "venueId", venue, "scanId", UUID.randomUUID().toString()))
                .post("/api/v1/scans"));
        intake.put("case report", () -> given().auth().oauth2(authority1).contentType(ContentType.JSON)
                .body(Map.of("subjectId", last.subjectId(), "status", "SUSPECTED")).post("/api/v1/cases"));
        intake.put("registration", () -> {
            Citizen newcomer = new Citizen();
            return given().auth().oauth2(newcomer.token).contentType(ContentType.JSON)
                    .body(Residents.registration(newcomer.name, newcomer.idNumber, newcomer.phone))
                    .post("/api/v1/me/registration");
        });
        for (String call : List.of("declaration", "scan")) {
            int status = intake.get(call).get().statusCode();
            assertTrue(status == 200 || status == 201, call + " before the end: " + status);
        }

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("confirmation", "DESTROY ALL PERSONAL DATA"))
                .post("/api/v1/admin/destruction").then().statusCode(409).body("error", equalTo("EMERGENCY_NOT_ENDED"));
        given().auth().oauth2(ADMIN).get("/api/v1/admin/emergency").then().statusCode(200).body("ended", equalTo(false));
        given().auth().oauth2(authority1).contentType(ContentType.JSON).body(Map.of("confirmation", "END THE EMERGENCY"))
                .post("/api/v1/admin/emergency/end").then().statusCode(403);
        JsonPath ended = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("confirmation", "END THE EMERGENCY")).post("/api/v1/admin/emergency/end").then()
                .statusCode(200).body("ended", equalTo(true)).body("complete", equalTo(true)).extract().jsonPath();
        assertEquals(5, ended.getList("services").size(), ended.prettify());
        // ending it again answers the same record
        assertEquals(ended.getList("services.endedAt"), given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("confirmation", "END THE EMERGENCY")).post("/api/v1/admin/emergency/end").then()
                .statusCode(200).extract().jsonPath().getList("services.endedAt"));

        long declarations = count("select count(*) from declaration.declaration");
        long scans = count("select count(*) from scan_checkpoint.scan_attempt");
        long cases = count("select count(*) from contact_trace.case_decision");
        for (Map.Entry<String, java.util.function.Supplier<io.restassured.response.Response>> call : intake.entrySet()) {
            io.restassured.response.Response refused = call.getValue().get();
            assertEquals(409, refused.statusCode(), call.getKey() + ": " + refused.asString());
            assertEquals("EMERGENCY_ENDED", refused.path("error"), call.getKey());
            assertTrue(refused.<String>path("message").startsWith("The emergency ended at "), refused.asString());
        }
        assertEquals(declarations, count("select count(*) from declaration.declaration"), "no declaration stored");
        assertEquals(scans, count("select count(*) from scan_checkpoint.scan_attempt"), "no scan stored");
        assertEquals(cases, count("select count(*) from contact_trace.case_decision"), "no case stored");
        last.code(); // reads go on until the destruction

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("confirmation", "please"))
                .post("/api/v1/admin/destruction").then().statusCode(400);
        // Intake has stopped; the events in flight are applied before the destruction: an event
        // consumed after it would be new data (a case confirmed above recolours for a while).
        awaitQuiet();
        long onKafka;
        try (Admin kafka = Events.admin(platform)) {
            onKafka = events(kafka).values().stream().mapToLong(Long::longValue).sum();
        }
        assertTrue(onKafka > 0, "events to destroy");
        JsonPath report = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("confirmation", "DESTROY ALL PERSONAL DATA"))
                .post("/api/v1/admin/destruction").then().statusCode(200).body("complete", equalTo(true))
                .extract().jsonPath();
        assertEquals(Set.of("declaration-service", "risk-scoring-service", "code-issuer-service",
                "scan-checkpoint-service", "contact-trace-service"), Set.copyOf(report.getList("reports.service")));
        assertTrue(report.getInt("reports.find { it.service == 'declaration-service' }.tables.find { it.table == "
                + "'person' }.rows") > 0, report.prettify());

        // every topic, dead-letter topics included, holds no event, and the report said how many went
        assertEquals(true, report.getBoolean("events.empty"), report.prettify());
        assertTrue(report.getInt("events.topics.find { it.topic == 'declaration-submitted' }.removed") > 0,
                report.prettify());
        assertTrue(report.<Number>getList("events.topics.removed").stream().mapToLong(Number::longValue).sum()
                >= onKafka, "the report counts every event removed: " + onKafka + " were there");
        Map<String, Long> left;
        try (Admin kafka = Events.admin(platform)) {
            left = events(kafka);
        }
        assertTrue(left.keySet().containsAll(List.of("declaration-submitted", "scan-recorded", "case-confirmed",
                "risk-recalculated", "dead-letter-topic-declaration-submitted")), left.keySet().toString());
        assertEquals(Set.copyOf(left.keySet()), Set.copyOf(report.getList("events.topics.topic")));
        left.forEach((topic, events) -> assertEquals(0L, events, topic + " still holds events"));

        List<String> leftovers = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(platform.jdbcUrl(), "postgres", "")) {
            for (String schema : SCHEMAS) {
                for (String table : tables(db, schema)) {
                    long rows = count(db, "select count(*) from " + schema + "." + table);
                    long kept = switch (table) {
                        case "flyway_schema_history", "processed_event", "rule_set", "region_risk", "venue", "code_requirement",
                                "fever_clinic", "emergency_end", "federation_request_seen"
                                -> rows;
                        case "audit_entry" -> count(db, "select count(*) from " + schema + ".audit_entry "
                                + "where action in ('PERSONAL_DATA_DESTROYED', 'EVENTS_DESTROYED') and subject_id is null");
                        default -> 0;
                    };
                    if (rows != kept) {
                        leftovers.add(schema + "." + table + ": " + (rows - kept) + " rows");
                    }
                    if (count(db, "select count(*) from " + schema + "." + table + " t where t::text like '%"
                            + last.subjectId() + "%'") > 0) {
                        leftovers.add(schema + "." + table + " still names a subject");
                    }
                }
            }
        }
        assertEquals(List.of(), leftovers, "every table of every service scanned");
        given().auth().oauth2(last.token).get("/api/v1/me").then().statusCode(404);
        JsonPath trail = given().auth().oauth2(ADMIN).get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("PERSONAL_DATA_DESTROYED", "EVENTS_DESTROYED"),
                trail.getList("entries.action").stream().distinct().toList());
        assertEquals(6, trail.getList("entries").size(), "one entry per service that it happened, and one for the events");
        for (Map.Entry<String, java.util.function.Supplier<io.restassured.response.Response>> call : intake.entrySet()) {
            assertEquals(409, call.getValue().get().statusCode(), call.getKey() + " after the destruction");
        }
    }

    /** The events each topic holds (Kafka's internal topics aside): its end offsets less its start offsets. */
    private static Map<String, Long> events(Admin kafka) throws Exception {
        Set<String> topics = kafka.listTopics().names().get();
        List<TopicPartition> partitions = new ArrayList<>();
        kafka.describeTopics(topics).allTopicNames().get().values().forEach(topic -> topic.partitions()
                .forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition()))));
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> {
            earliest.put(p, OffsetSpec.earliest());
            latest.put(p, OffsetSpec.latest());
        });
        var starts = kafka.listOffsets(earliest).all().get();
        var ends = kafka.listOffsets(latest).all().get();
        Map<String, Long> events = new TreeMap<>();
        topics.forEach(topic -> events.put(topic, 0L));
        partitions.forEach(p -> events.merge(p.topic(), ends.get(p).offset() - starts.get(p).offset(), Long::sum));
        return events;
    }

    private static long count(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(platform.jdbcUrl(), "postgres", "")) {
            return count(db, sql);
        }
    }

    /** Waits until every outbox is empty and no consumer has applied an event for two seconds. */
    private static void awaitQuiet() throws SQLException {
        StringBuilder outboxes = new StringBuilder("select ");
        StringBuilder processed = new StringBuilder("select ");
        for (String schema : SCHEMAS) {
            String plus = schema.equals(SCHEMAS.get(0)) ? "" : " + ";
            outboxes.append(plus).append("(select count(*) from ").append(schema).append(".outbox_event)");
            processed.append(plus).append("(select count(*) from ").append(schema).append(".processed_event)");
        }
        try (Connection db = DriverManager.getConnection(platform.jdbcUrl(), "postgres", "")) {
            long last = -1;
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline)) {
                long applied = count(db, processed.toString());
                if (count(db, outboxes.toString()) == 0 && applied == last) {
                    return;
                }
                last = applied;
                Processes.pause(Duration.ofSeconds(2));
            }
        }
        throw new AssertionError("the platform never went quiet");
    }

    private static JsonPath explanation(Citizen citizen) {
        return given().auth().oauth2(citizen.token).get("/api/v1/me/code/explanation").then().statusCode(200)
                .extract().jsonPath();
    }

    /** The service's own tables (partitions of the visit index are scanned through their parent). */
    private static List<String> tables(Connection db, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(
                "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                        + "where n.nspname = '" + schema + "' and c.relkind in ('r', 'p') and not c.relispartition "
                        + "order by 1")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        assertFalse(tables.isEmpty(), schema);
        return tables;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
