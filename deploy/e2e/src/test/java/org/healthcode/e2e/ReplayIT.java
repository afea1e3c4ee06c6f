package org.healthcode.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.healthcode.e2e.CitizenJourneyIT.Citizen;
import org.healthcode.infra.Processes;
import org.healthcode.infra.ServiceProcess;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every consumer group set back to the oldest event and the platform started again, as an operator
 * does to rebuild after a bad release: every event ever published is delivered a second time, and
 * nothing may change. Compared before and after: every row of every service's tables, and every
 * topic's end (no event published again). A message that was dead-lettered before is read again and
 * dead-lettered again; nothing else reaches a dead-letter topic.
 */
@Order(2)
class ReplayIT {

    private static final List<String> CONSUMERS = List.of("risk-scoring-service", "code-issuer-service",
            "scan-checkpoint-service", "contact-trace-service");
    private static final List<String> SCHEMAS = List.of("declaration", "risk_scoring", "code_issuer",
            "scan_checkpoint", "contact_trace");
    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.get();
        RestAssured.baseURI = platform.gatewayUrl();
        RestAssured.port = -1;
    }

    @Test
    void replayingEveryTopicFromTheStartChangesNothingAndPublishesNothing() throws Exception {
        // some history of every kind, whatever else ran before: declarations, scans, a case and its contact
        String checkpoint = TestTokens.staff("checkpoint-" + UUID.randomUUID(), "checkpoint", "330000");
        String authority = TestTokens.staff("authority-" + UUID.randomUUID(), "authority", "330000");
        String venue = given().auth().oauth2(checkpoint).contentType(ContentType.JSON)
                .body(Map.of("name", "Replay market", "type", "MARKET", "regionCode", "330106", "address", "5 Test Road"))
                .post("/api/v1/venues").then().statusCode(201).extract().path("id");
        List<Citizen> people = List.of(Citizen.registered(), Citizen.registered());
        for (Citizen citizen : people) {
            citizen.declare(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(),
                    "temperature", 36.5));
            citizen.awaitCode("GREEN", c -> "GREEN".equals(c.getString("colour")), PATIENCE);
            CitizenJourneyIT.await("ALLOW", () -> given().auth().oauth2(checkpoint).contentType(ContentType.JSON)
                    .body(Map.of("token", citizen.code().getString("token"), "venueId", venue,
                            "scanId", UUID.randomUUID().toString())).post("/api/v1/scans"),
                    scan -> "ALLOW".equals(scan.getString("decision")), PATIENCE);
        }
        given().auth().oauth2(authority).contentType(ContentType.JSON)
                .body(Map.of("subjectId", people.get(0).subjectId(), "status", "CONFIRMED"))
                .post("/api/v1/cases").then().statusCode(201);
        people.get(1).awaitCode("RED as a close contact", c -> c.getList("reasons.code").contains("CLOSE_CONTACT"), PATIENCE);

        try (Admin kafka = Events.admin(platform)) {
            awaitCaughtUp(kafka);
            List<ServiceProcess> stopped = new ArrayList<>();
            // declaration-service consumes nothing, but publishes: stopped too, so that nothing new is published
            for (String module : List.of("declaration-service", "risk-scoring-service", "code-issuer-service",
                    "scan-checkpoint-service", "contact-trace-service")) {
                ServiceProcess service = platform.instances(module).get(0);
                service.close();
                stopped.add(service);
            }
            awaitEmpty(kafka);

            Map<String, String> before = tables();
            List<String> topics = new ArrayList<>(Events.CONSUMED.keySet());
            List<String> deadLetterTopics = topics.stream().map(t -> "dead-letter-topic-" + t).toList();
            Map<TopicPartition, Long> published = Events.ends(kafka, topics);
            Map<TopicPartition, Long> deadLettered = Events.ends(kafka, deadLetterTopics);
            int replayed = 0;
            for (String group : CONSUMERS) {
                Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                assertTrue(!committed.isEmpty(), group + " has committed offsets");
                Map<TopicPartition, OffsetSpec> earliest = committed.keySet().stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest()));
                Map<TopicPartition, OffsetAndMetadata> reset = new HashMap<>();
                for (var offset : kafka.listOffsets(earliest).all().get().entrySet()) {
                    reset.put(offset.getKey(), new OffsetAndMetadata(offset.getValue().offset()));
                    replayed += committed.get(offset.getKey()).offset() - offset.getValue().offset();
                }
                kafka.alterConsumerGroupOffsets(group, reset).all().get();
            }

            Instant restarting = Instant.now();
            platform.restartAll(stopped);
            awaitCaughtUp(kafka);
            Duration caughtUp = Duration.between(restarting, Instant.now());

            assertEquals(published, Events.ends(kafka, topics), "no event published by the replay");
            Map<String, String> after = tables();
            Map<String, String> changed = new TreeMap<>();
            after.forEach((table, rows) -> {
                if (!rows.equals(before.get(table))) {
                    changed.put(table, before.get(table) + " -> " + rows);
                }
            });
            assertEquals(Map.of(), changed, "tables changed by the replay");
            assertEquals(before.keySet(), after.keySet());

            // a dead letter of the replay is an old one again (same message, same place), never a new one
            Set<String> old = new java.util.HashSet<>();
            List<ConsumerRecord<String, String>> again = new ArrayList<>();
            for (String topic : deadLetterTopics) {
                for (ConsumerRecord<String, String> letter : Events.since(platform, topic, Map.of())) {
                    String origin = Events.header(letter, "dead-letter-topic") + "/"
                            + Events.header(letter, "dead-letter-partition") + "/"
                            + Events.header(letter, "dead-letter-offset");
                    if (letter.offset() < deadLettered.get(new TopicPartition(topic, letter.partition()))) {
                        old.add(origin);
                    } else {
                        again.add(letter);
                    }
                }
            }
            List<String> fresh = again.stream().map(l -> Events.header(l, "dead-letter-topic") + "/"
                    + Events.header(l, "dead-letter-partition") + "/" + Events.header(l, "dead-letter-offset"))
                    .filter(origin -> !old.contains(origin)).toList();
            assertEquals(List.of(), fresh, "messages dead-lettered by the replay that were applied the first time");
            System.out.printf("Replay: %d events delivered again to %d consumer groups, caught up %d s after the "
                    + "restart; %d tables unchanged, no event published, %d old dead letters dead-lettered again%n",
                    replayed, CONSUMERS.size(), caughtUp.toSeconds(), after.size(), again.size());
        }
    }

    /** Until every group has committed the end of every partition it reads, and every outbox is empty. */
    private static void awaitCaughtUp(Admin kafka) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        String behind = "";
        while (Instant.now().isBefore(deadline)) {
            behind = "";
            for (String group : CONSUMERS) {
                Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                Set<String> topics = committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
                Map<TopicPartition, Long> ends = Events.ends(kafka, new ArrayList<>(topics));
                for (var end : ends.entrySet()) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    // a partition that never held an event has no committed offset
                    if ((at == null ? 0 : at.offset()) < end.getValue()) {
                        behind += group + " " + end.getKey() + " " + (at == null ? "-" : at.offset()) + "/"
                                + end.getValue() + "; ";
                    }
                }
            }
            if (behind.isEmpty() && outboxes() == 0) {
                return;
            }
            Processes.pause(Duration.ofSeconds(1));
        }
        throw new AssertionError("not caught up within " + PATIENCE + ": " + behind + " outbox " + outboxes());
    }

    /** Until no group has a member: Kafka moves a group's offsets only then. */
    private static void awaitEmpty(Admin kafka) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Map<String, ConsumerGroupDescription> groups = kafka.describeConsumerGroups(CONSUMERS).all().get();
            if (groups.values().stream().allMatch(g -> g.members().isEmpty())) {
                return;
            }
            Processes.pause(Duration.ofMillis(500));
        }
        throw new AssertionError("consumer groups still have members");
    }

    private static long outboxes() throws Exception {
        try (Connection db = DriverManager.getConnection(platform.jdbcUrl(), "postgres", "");
                Statement sql = db.createStatement()) {
            long rows = 0;
            for (String schema : SCHEMAS) {
                try (ResultSet count = sql.executeQuery("select count(*) from " + schema + ".outbox_event")) {
                    count.next();
                    rows += count.getLong(1);
                }
            }
            return rows;
        }
    }

    /**
     * Every table of every service (a partitioned table as a whole), as its row count and a digest
     * of its rows in order. The retention job's own lines of the audit trail are left out: a
     * restarted service purges if the platform's clock says a period has passed, replay or not.
     */
    private static Map<String, String> tables() throws Exception {
        Map<String, String> tables = new TreeMap<>();
        try (Connection db = DriverManager.getConnection(platform.jdbcUrl(), "postgres", "");
                Statement sql = db.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("select n.nspname || '.' || c.relname from pg_class c join "
                    + "pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'p') and not c.relispartition "
                    + "and n.nspname = any(array['" + String.join("','", SCHEMAS) + "'])")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            for (String table : names) {
                String where = table.endsWith(".audit_entry") ?  " where t.actor is distinct from 'retention-job'" : "";
                try (ResultSet rows = sql.executeQuery("select count(*), md5(coalesce(string_agg(t::text, E'\\n' "
                        + "order by t::text), '')) from " + table + " t" + where)) {
                    rows.next();
                    tables.put(table, rows.getLong(1) + " rows " + rows.getString(2));
                }
            }
        }
        return tables;
    }
}
