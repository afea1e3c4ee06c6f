package org.healthcode.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What an operator runs: the chart lints strictly, and renders, with its defaults and with every
 * example province, into objects that the Kubernetes API and the Strimzi, CloudNativePG and
 * Prometheus operators would accept (their real schemas, no unknown key).
 */
class ChartRenderTest {

    @Test
    void lintsStrictly() {
        LintResult lint = new Helm(Chart.DIR).lint().strict().call();
        assertFalse(lint.isFailed(), () -> "helm lint --strict:\n" + String.join("\n", lint.getMessages()));
    }

    static Stream<Arguments> valueSets() {
        Stream<Arguments> examples = Chart.examples().stream()
                .map(f -> Arguments.of(f.getFileName().toString().replace(".yaml", ""), f));
        return Stream.concat(Stream.of(Arguments.of("values-default", null)), examples);
    }

    @Test
    void hasExampleProvinces() {
        assertTrue(Chart.examples().size() >= 2, "example provinces under healthcode/examples: " + Chart.examples());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void rendersOnlyObjectsTheirSchemasAccept(String name, Path valuesFile) {
        Path rendered = Chart.render(name, valuesFile);
        SchemaValidator.Result result = SchemaValidator.validate(rendered);
        assertEquals(0, result.exitCode(), () -> "schema check of " + rendered + ":\n" + result.output());
        // every kind the chart makes was checked, not skipped
        for (String kind : List.of("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget",
                "Ingress", "NetworkPolicy", "ConfigMap", "Kafka", "KafkaNodePool", "KafkaTopic", "Cluster", "Database")) {
            assertTrue(result.output().contains(" " + kind + ",") || result.output().contains(" " + kind + "\n"),
                    () -> kind + " not among the checked objects:\n" + result.output());
        }
    }
}
