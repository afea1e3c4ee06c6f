package org.healthcode.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The schema check itself catches what a cluster would refuse or silently ignore: a misspelt key
 * (the models alone accept it), a wrong type, a kind it has no schema for; and it passes a valid
 * object, including the free-form maps (labels, a broker's config).
 */
class SchemaValidatorTest {

    private static final String VALID_DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: gateway
              labels: {app.kubernetes.io/name: gateway}
            spec:
              replicas: 2
              selector: {matchLabels: {app.kubernetes.io/name: gateway}}
              template:
                metadata: {labels: {app.kubernetes.io/name: gateway}}
                spec:
                  containers:
                    - name: gateway
                      image: registry.example.org/healthcode/gateway:0.1.0
            """;

    private static final String VALID_KAFKA = """
            apiVersion: kafka.strimzi.io/v1
            kind: Kafka
            metadata: {name: healthcode}
            spec:
              kafka:
                version: 4.3.1
                listeners: [{name: plain, port: 9092, type: internal, tls: false}]
                config: {auto.create.topics.enable: false, min.insync.replicas: 2}
              entityOperator: {topicOperator: {}}
            """;

    @Test
    void passesValidObjects() throws IOException {
        SchemaValidator.Result result = SchemaValidator.validate(write("valid", VALID_DEPLOYMENT + "---\n" + VALID_KAFKA));
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("checked 2 objects"), result.output());
    }

    @Test
    void catchesAMisspeltKey() throws IOException {
        SchemaValidator.Result result = SchemaValidator.validate(write("misspelt",
                VALID_DEPLOYMENT.replace("  replicas: 2", "  replica: 2")
                        + "---\n" + VALID_KAFKA.replace("    config:", "    confg:")));
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("Deployment/gateway: unknown key spec.replica\n"), result.output());
        assertTrue(result.output().contains("Kafka/healthcode: unknown key spec.kafka.confg\n"), result.output());
    }

    @Test
    void catchesAMisspeltKeyDeepInAList() throws IOException {
        SchemaValidator.Result result = SchemaValidator.validate(write("deep",
                VALID_DEPLOYMENT.replace("image: registry", "imag: registry")));
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("unknown key spec.template.spec.containers[0].imag\n"), result.output());
    }

    @Test
    void catchesAWrongType() throws IOException {
        SchemaValidator.Result result = SchemaValidator.validate(write("type",
                VALID_DEPLOYMENT.replace("replicas: 2", "replicas: two")));
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("Deployment/gateway: data/spec/replicas must be integer"), result.output());
    }

    @Test
    void refusesAKindItHasNoSchemaFor() throws IOException {
        SchemaValidator.Result result = SchemaValidator.validate(write("unknown-kind",
                "apiVersion: example.org/v1\nkind: Widget\nmetadata: {name: w}\n"));
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("Widget/w: no schema for apiVersion example.org/v1"), result.output());
    }

    private static Path write(String name, String yaml) throws IOException {
        Path dir = Files.createDirectories(Chart.MODULE.resolve("target/validator-cases"));
        return Files.writeString(dir.resolve(name + ".yaml"), yaml);
    }
}
