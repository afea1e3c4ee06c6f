package org.healthcode.kit.testing;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.healthcode.infra.testing.ExportedMetrics;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.Scrape;
import org.healthcode.infra.testing.TestTokens;
import org.healthcode.kit.event.Outbox;
import org.healthcode.kit.metrics.ConsumerLag;
import org.healthcode.kit.metrics.OutboxBacklog;
import org.junit.jupiter.api.Test;

/**
 * What every data-owning service must do on real PostgreSQL and Kafka. A service's test extends
 * it with {@code @QuarkusTest @QuarkusTestResource(RealInfraResource.class)}.
 */
public abstract class ServiceFoundationContract {

    @Inject
    protected Pool pool;
    @Inject
    protected Outbox outbox;
    @Inject
    protected OutboxBacklog backlog;
    @Inject
    protected ConsumerLag consumerLag;
    @Inject
    protected KafkaClientService kafkaClients;
    @ConfigProperty(name = "healthcode.schema")
    protected String schema;
    @ConfigProperty(name = "quarkus.application.name")
    protected String application;

    @Test
    void readyWhenItsDatabaseAndBrokerAre() {
        get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "kafka"));
    }

    @Test
    void itsTablesLiveInItsOwnSchema() {
        List<String> own = tablesIn(schema);
        assertTrue(own.containsAll(List.of("outbox_event", "processed_event", "flyway_schema_history")), own::toString);
        assertTrue(tablesIn("public").stream().noneMatch(own::contains), "nothing of this service in public");
    }

    @Test
    void itConnectsAsItsOwnRoleWhichOwnsItsSchemaAndIsNoSuperuser() {
        Row role = pool.preparedQuery("""
                select current_user, r.rolsuper, r.rolcreatedb, r.rolcreaterole, n.nspowner = r.oid
                from pg_roles r, pg_namespace n where r.rolname = current_user and n.nspname = $1""")
                .execute(Tuple.of(schema)).await().atMost(Duration.ofSeconds(10)).iterator().next();
        assertEquals(schema, role.getString(0), "the role is named after the schema");
        assertEquals(List.of(false, false, false, true),
                List.of(role.getBoolean(1), role.getBoolean(2), role.getBoolean(3), role.getBoolean(4)),
                "not superuser, createdb or createrole; owns the schema");
        List<String> installers = new ArrayList<>();
        pool.query("select distinct installed_by from flyway_schema_history").execute()
                .await().atMost(Duration.ofSeconds(10)).forEach(row -> installers.add(row.getString(0)));
        assertEquals(List.of(schema), installers, "its migrations ran as its role");
    }

    @Test
    void anEventWrittenInItsSchemaReachesKafka() throws Throwable {
        String topic = "foundation-" + application;
        String subject = "sub-" + UUID.randomUUID();
        VertxContextSupport.subscribeAndAwait(
                () -> Panache.withTransaction(() -> outbox.publish(topic, subject, Map.of("check", "round-trip"))));
        var records = KafkaTestClient.read(topic, r -> subject.equals(r.key()), 1, Duration.ofSeconds(10));
        assertEquals(1, records.size());
        assertTrue(records.get(0).value().contains("\"source\":\"/healthcode/" + application + "\""));
    }

    @Test
    void itsApiWantsABearerToken() {
        get("/v1/anything").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/v1/anything").then().statusCode(401);
        given().auth().oauth2(TestTokens.citizen("citizen-" + UUID.randomUUID())).get("/v1/no-such-thing")
                .then().statusCode(404).body("error", equalTo("NOT_FOUND"));
    }

    @Test
    void anEventNotYetRelayedShowsInTheOutboxBacklogUntilItLeaves() {
        // as a relay that died mid-batch leaves it: leased, so no relay takes it for an hour
        UUID stuck = UUID.randomUUID();
        pool.preparedQuery("""
                insert into outbox_event (id, topic, event_key, payload, created_at, lease_until)
                values ($1, 'foundation-stuck', 'sub-stuck', '{}', now() - interval '10 minutes',
                        now() + interval '1 hour')""").execute(Tuple.of(stuck)).await().atMost(Duration.ofSeconds(10));
        Scrape waiting;
        try {
            waiting = scrapeAfterRefresh();
        } finally {
            pool.preparedQuery("delete from outbox_event where id = $1").execute(Tuple.of(stuck))
                    .await().atMost(Duration.ofSeconds(10));
        }
        assertTrue(waiting.value("healthcode_outbox_backlog_events", Map.of()) >= 1, "the stuck event is counted");
        assertTrue(waiting.value("healthcode_outbox_oldest_age_seconds", Map.of()) >= 600,
                "the oldest event has waited ten minutes");
        assertTrue(scrapeAfterRefresh().value("healthcode_outbox_oldest_age_seconds", Map.of()) < 600,
                "gone from the outbox, gone from the figures");
    }

    @Test
    void exportsTheMetricsTheDashboardReadsOfEveryService() {
        get("/v1/anything").then().statusCode(401); // a request, so that requests have been counted
        boolean consumes = !kafkaClients.getConsumerChannels().isEmpty();
        Set<String> expected = consumes
                ? ExportedMetrics.listedFor(ExportedMetrics.EVERY_SERVICE, ExportedMetrics.EVERY_DATA_SERVICE,
                        ExportedMetrics.EVERY_CONSUMER)
                : ExportedMetrics.listedFor(ExportedMetrics.EVERY_SERVICE, ExportedMetrics.EVERY_DATA_SERVICE);
        Scrape scrape = scrapeAfterRefresh();
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(scrape.names());
        assertEquals(Set.of(), missing, "listed in " + ExportedMetrics.LIST + " but not exported by " + application);
        for (String name : expected) {
            assertTrue(scrape.samples(name, Map.of()).stream()
                    .allMatch(sample -> application.equals(sample.labels().get("application"))),
                    name + " carries application=" + application);
        }
        for (String channel : kafkaClients.getConsumerChannels()) {
            assertEquals(1, scrape.samples("healthcode_events_dead_lettered_total", Map.of("topic", channel)).size(),
                    "dead letters of " + channel + " counted from zero");
            assertEquals(1, scrape.samples("healthcode_consumer_lag_records", Map.of("topic", channel)).size(),
                    "the lag on " + channel);
        }
    }

    /** /q/metrics once the figures asked of PostgreSQL and Kafka are fresh. */
    protected Scrape scrapeAfterRefresh() {
        backlog.refresh().await().atMost(Duration.ofSeconds(10));
        consumerLag.refresh();
        return Scrape.of(get("/q/metrics").then().statusCode(200).extract().asString());
    }

    private List<String> tablesIn(String schemaName) {
        List<String> names = new ArrayList<>();
        for (Row row : pool.preparedQuery("select table_name from information_schema.tables where table_schema = $1")
                .execute(Tuple.of(schemaName)).await().atMost(Duration.ofSeconds(10))) {
            names.add(row.getString(0));
        }
        return names;
    }
}
