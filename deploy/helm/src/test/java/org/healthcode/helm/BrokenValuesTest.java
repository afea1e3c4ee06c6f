package org.healthcode.helm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A broken values file stops `helm template` (so `install` and `upgrade`) before anything reaches
 * a cluster, with a message that names the value at fault (values.schema.json).
 */
class BrokenValuesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "province-code-too-short.yaml    | /province/code",
        "misspelt-replicas.yaml          | /services/gateway, 'replica'",
        "secret-as-plain-value.yaml      | /services/declaration-service/env/DECLARATION_DATA_KEY",
        "keyset-as-plain-value.yaml      | /services/declaration-service/env/DECLARATION_DATA_KEYSET",
        "no-data-key.yaml                | /services/declaration-service/secretEnv, DECLARATION_DATA_KEYSET, DECLARATION_DATA_KEY",
        "missing-secret-reference.yaml   | /services/code-issuer-service/secretEnv, CODE_ISSUER_KEYS",
        "one-broker.yaml                 | /kafka/brokers/replicas",
        "backup-without-destination.yaml | /postgresql/backup, destinationPath",
        "tracing-ratio-above-one.yaml    | /tracing/samplingRatio",
    })
    void isRefusedNamingTheProblem(String file, String expected) {
        Path values = Path.of("src/test/resources/broken", file).toAbsolutePath();
        Exception refused = assertThrows(Exception.class, () -> new Helm(Chart.DIR).template()
                .withName(Chart.RELEASE).withKubeVersion(Chart.KUBE_VERSION).withValuesFile(values).call());
        String message = refused.getMessage();
        System.out.println(file + " refused:\n" + message);
        for (String part : expected.split(", ")) {
            assertTrue(message.contains(part), () -> "the refusal of " + file + " should name " + part + ":\n" + message);
        }
        assertTrue(message.contains("values don't meet the specifications of the schema"),
                () -> "refused by the values schema, not by a template: " + message);
    }
}
