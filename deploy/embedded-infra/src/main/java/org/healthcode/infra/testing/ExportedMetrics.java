package org.healthcode.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one list of the metrics the platform exports, which the Helm chart's Grafana dashboard reads:
 * {@code deploy/helm/healthcode/dashboards/metrics.txt}, one sample name a line with the applications
 * that export it. Each application's tests check their lines against a live scrape; deploy/helm's
 * tests check that every name in the dashboard's queries is on the list. A renamed metric fails one
 * or the other.
 */
public final class ExportedMetrics {

    public static final String LIST = "deploy/helm/healthcode/dashboards/metrics.txt";
    /** Exported by all six applications. */
    public static final String EVERY_SERVICE = "every-service";
    /** Exported by the five services with a database (the service kit's). */
    public static final String EVERY_DATA_SERVICE = "every-data-service";
    /** Exported by every service that consumes events (the service kit's). */
    public static final String EVERY_CONSUMER = "every-consumer";

    private static Map<String, Set<String>> listed;

    private ExportedMetrics() {
    }

    /** Every listed name with the applications (or groups of them) that export it. */
    public static synchronized Map<String, Set<String>> all() {
        if (listed == null) {
            listed = read(locate());
        }
        return listed;
    }

    /** The names listed for any of {@code exporters} (application names or the groups above). */
    public static Set<String> listedFor(String... exporters) {
        Set<String> names = new TreeSet<>();
        all().forEach((name, by) -> {
            for (String exporter : exporters) {
                if (by.contains(exporter)) {
                    names.add(name);
                }
            }
        });
        return names;
    }

    /** Fails unless {@code name} is on the list. */
    public static void require(String name) {
        if (!all().containsKey(name)) {
            throw new AssertionError(name + " is not in " + LIST + ": list it (and show it on the dashboard) "
                    + "or use a listed name");
        }
    }

    static Map<String, Set<String>> read(Path file) {
        Map<String, Set<String>> names = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String content = line.strip();
                if (content.isEmpty() || content.startsWith("#")) {
                    continue;
                }
                List<String> fields = List.of(content.split("\\s+"));
                if (fields.size() < 2) {
                    throw new IllegalStateException(LIST + ": a name without its exporters: " + line);
                }
                names.put(fields.get(0), Set.copyOf(fields.subList(1, fields.size())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(names);
    }

    /** The list, found from the module a test runs in by going up to the repository's root. */
    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(LIST);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(LIST + " not found above " + Path.of("").toAbsolutePath());
    }
}
