package org.healthcode.kit.testing;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.TestTokens;
import org.healthcode.kit.event.Outbox;
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

    private List<String> tablesIn(String schemaName) {
        List<String> names = new ArrayList<>();
        for (Row row : pool.preparedQuery("select table_name from information_schema.tables where table_schema = $1")
                .execute(Tuple.of(schemaName)).await().atMost(Duration.ofSeconds(10))) {
            names.add(row.getString(0));
        }
        return names;
    }
}
