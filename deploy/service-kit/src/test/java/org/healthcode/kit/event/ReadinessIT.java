package org.healthcode.kit.event;

import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.healthcode.infra.RealInfra;
import org.healthcode.infra.testing.RealInfraResource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Readiness follows the real dependencies: UP with them, DOWN as soon as one is gone. */
@QuarkusTest
@TestProfile(ReadinessIT.PrivateInfra.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadinessIT {

    static RealInfra infra;

    public static class PrivateInfra implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Resource.class));
        }
    }

    public static class Resource implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            infra = RealInfra.startFresh();
            return RealInfraResource.configFor(infra);
        }

        @Override
        public void stop() {
            infra.stop();
        }
    }

    @Test
    @Order(1)
    void readyWithDatabaseAndBroker() {
        get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "kafka"));
    }

    @Test
    @Order(2)
    void notReadyWithoutTheDatabase() {
        infra.stopPostgres();
        get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
    }

    @Test
    @Order(3)
    void notReadyWithoutTheBroker() {
        infra.stopKafka();
        get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'kafka' }.status", equalTo("DOWN"));
    }
}
