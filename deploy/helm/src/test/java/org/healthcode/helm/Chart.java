package org.healthcode.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The chart under test, rendered by Helm embedded in the JVM (no helm binary, no cluster). */
final class Chart {

    static final Path MODULE = Path.of(System.getProperty("user.dir"));
    static final Path DIR = MODULE.resolve("healthcode");
    static final Path REPOSITORY = MODULE.resolve("../..").normalize();
    static final Path RENDERED = MODULE.resolve("target/rendered");
    static final String RELEASE = "healthcode";
    /** The oldest Kubernetes the chart supports (Chart.yaml kubeVersion). */
    static final String KUBE_VERSION = "1.30.0";
    static final ObjectMapper YAML = new YAMLMapper();

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Chart() {
    }

    /** The example provinces' values files. */
    static List<Path> examples() {
        try (Stream<Path> files = Files.list(DIR.resolve("examples"))) {
            return files.filter(f -> f.getFileName().toString().matches("values-.+\\.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifests for the chart's own values plus {@code valuesFile} (null: defaults only). */
    static String template(Path valuesFile) {
        String key = valuesFile == null ? "defaults" : valuesFile.toAbsolutePath().toString();
        return CACHE.computeIfAbsent(key, k -> {
            TemplateCommand template = new Helm(DIR).template().withName(RELEASE).withNamespace("healthcode")
                    .withKubeVersion(KUBE_VERSION);
            if (valuesFile != null) {
                template = template.withValuesFile(valuesFile);
            }
            return template.call();
        });
    }

    /** Renders and writes the manifests to target/rendered/{name}.yaml, for Node and for people. */
    static Path render(String name, Path valuesFile) {
        try {
            Files.createDirectories(RENDERED);
            Path file = RENDERED.resolve(name + ".yaml");
            Files.writeString(file, template(valuesFile));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every object of a multi-document YAML text. */
    static List<JsonNode> objects(String manifests) {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class)
                .readValues(new YAMLFactory().createParser(manifests))) {
            List<JsonNode> objects = new ArrayList<>();
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    objects.add(doc);
                }
            }
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    static JsonNode named(List<JsonNode> objects, String kind, String name) {
        return ofKind(objects, kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " rendered"));
    }

    static JsonNode values() {
        try {
            return YAML.readTree(DIR.resolve("values.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
