package org.healthcode.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard reads only what the platform exports: every metric name in its PromQL is on
 * the list of exported metrics (dashboards/metrics.txt), which the services' own tests check against
 * their live /q/metrics, and every figure of the platform's own (healthcode_*) is on a panel. It
 * reaches Grafana as a ConfigMap labelled grafana_dashboard: "1" when asked for, and Prometheus
 * scrapes every service, the gateway included.
 */
class DashboardTest {

    static final Path DASHBOARD = Chart.DIR.resolve("dashboards/healthcode.json");
    static final Path LIST = Chart.DIR.resolve("dashboards/metrics.txt");
    private static final Set<String> EXPORTERS = Set.of("every-service", "every-data-service", "every-consumer");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset", "inf", "nan");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,");

    /** The metric names a PromQL expression reads (functions, aggregations, labels and variables left out). */
    static Set<String> metricNames(String expr) {
        String rest = STRING.matcher(expr).replaceAll(" ");
        rest = rest.replaceAll("\\{[^}]*}", " ") // label matchers
                .replaceAll("\\[[^]]*]", " ") // ranges
                .replaceAll("\\$\\{?\\w+}?", " "); // Grafana variables
        rest = GROUPING.matcher(rest).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(rest);
        while (identifier.find()) {
            String name = identifier.group();
            boolean function = rest.substring(identifier.end()).matches("(?s)\\s*\\(.*");
            boolean number = identifier.start() > 0 && Character.isDigit(rest.charAt(identifier.start() - 1));
            if (!function && !number && !KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }

    @Test
    void readsTheMetricNamesOfAnExpression() {
        assertEquals(Set.of("healthcode_recolouring_latency_seconds_bucket"), metricNames(
                "histogram_quantile(0.99, sum by (le, cause) (rate(healthcode_recolouring_latency_seconds_bucket"
                        + "{namespace=\"$namespace\", le=\"1.0\"}[$__rate_interval])))"));
        assertEquals(Set.of("a_total", "b_count"), metricNames(
                "sum by (x) (rate(a_total{s=~\"5..\"}[5m])) / on (x) group_left sum without (y) (b_count) > bool 0.5"));
    }

    @Test
    void everyMetricTheDashboardReadsIsOneThePlatformExports() throws IOException {
        Map<String, Set<String>> exported = exported();
        Map<String, Set<String>> read = new TreeMap<>();
        queries().forEach((where, expr) -> metricNames(expr).forEach(name ->
                read.computeIfAbsent(name, n -> new TreeSet<>()).add(where)));
        assertTrue(read.size() >= 10, "the dashboard's queries read the platform's figures: " + read.keySet());
        Map<String, Set<String>> unknown = new TreeMap<>(read);
        unknown.keySet().removeAll(exported.keySet());
        assertEquals(Map.of(), unknown, "read by the dashboard (panel titles) but not in " + LIST
                + ", which the services' tests check against their /q/metrics");
    }

    @Test
    void everyFigureOfThePlatformIsOnAPanel() throws IOException {
        Set<String> read = new TreeSet<>();
        queries().values().forEach(expr -> read.addAll(metricNames(expr)));
        Set<String> missing = new TreeSet<>();
        for (String name : exported().keySet()) {
            if (name.startsWith("healthcode_") && !read.contains(name)) {
                missing.add(name);
            }
        }
        assertEquals(Set.of(), missing, "figures the platform exports that no panel shows");
    }

    @Test
    void everyExporterOnTheListIsAnApplicationOrAGroupOfThem() throws IOException {
        exported().forEach((name, by) -> by.forEach(exporter -> assertTrue(
                EXPORTERS.contains(exporter) || ChartMatchesServicesTest.SERVICES.contains(exporter),
                name + " exported by an unknown " + exporter)));
    }

    @Test
    void theDashboardIsAConfigMapForGrafanasSidecarOnlyWhenAskedFor() throws IOException {
        List<JsonNode> defaults = Chart.objects(Chart.template(null));
        assertTrue(Chart.ofKind(defaults, "ConfigMap").stream()
                        .noneMatch(c -> c.at("/metadata/labels/grafana_dashboard").isTextual()),
                "off by default");

        Path zhejiang = Chart.DIR.resolve("examples/values-zhejiang.yaml");
        JsonNode map = Chart.named(Chart.objects(Chart.template(zhejiang)), "ConfigMap",
                Chart.RELEASE + "-grafana-dashboard");
        assertEquals("1", map.at("/metadata/labels/grafana_dashboard").asText());
        assertEquals("monitoring", map.at("/metadata/namespace").asText(), "where the sidecar looks");
        assertEquals("Health code", map.at("/metadata/annotations/grafana_folder").asText());
        JsonNode rendered = new ObjectMapper().readTree(map.at("/data/healthcode.json").asText());
        JsonNode source = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertEquals("healthcode-healthcode", rendered.path("uid").asText(), "one dashboard per province's namespace");
        assertEquals(source.path("panels"), rendered.path("panels"), "the panels as checked in");
        assertEquals(source.path("title"), rendered.path("title"));
    }

    @Test
    void prometheusScrapesEveryServiceAndTheGateway() {
        List<JsonNode> objects = Chart.objects(Chart.template(Chart.DIR.resolve("examples/values-zhejiang.yaml")));
        JsonNode monitor = Chart.named(objects, "ServiceMonitor", Chart.RELEASE);
        JsonNode endpoint = monitor.at("/spec/endpoints/0");
        assertEquals("/q/metrics", endpoint.path("path").asText());
        assertEquals("http", endpoint.path("port").asText());
        Set<String> scraped = new TreeSet<>();
        monitor.at("/spec/selector/matchExpressions/0/values").forEach(v -> scraped.add(v.asText()));
        assertEquals(new TreeSet<>(ChartMatchesServicesTest.SERVICES), scraped);
        for (String service : ChartMatchesServicesTest.SERVICES) {
            JsonNode labels = Chart.named(objects, "Service", Chart.RELEASE + "-" + service).at("/metadata/labels");
            monitor.at("/spec/selector/matchLabels").fields().forEachRemaining(label -> assertEquals(
                    label.getValue().asText(), labels.path(label.getKey()).asText(), service + " " + label.getKey()));
            assertEquals(service, labels.path("app.kubernetes.io/name").asText());
            assertTrue(Chart.named(objects, "Service", Chart.RELEASE + "-" + service).at("/spec/ports").findValuesAsText("name")
                    .contains("http"), service + " names its port http");
        }
    }

    /** Every PromQL expression of the dashboard (and the query of each variable), by panel title. */
    private static Map<String, String> queries() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonNode panel : dashboard.path("panels")) {
            int i = 0;
            for (JsonNode target : panel.path("targets")) {
                queries.put(panel.path("title").asText() + " #" + (++i), target.path("expr").asText());
            }
        }
        for (JsonNode variable : dashboard.at("/templating/list")) {
            Matcher labelValues = LABEL_VALUES.matcher(variable.path("definition").asText());
            if (labelValues.find()) {
                queries.put("variable " + variable.path("name").asText(), labelValues.group(1));
            }
        }
        assertFalse(queries.isEmpty(), "no query found in " + DASHBOARD);
        return queries;
    }

    /** The list of exported metrics: name, then who exports it. */
    private static Map<String, Set<String>> exported() throws IOException {
        Map<String, Set<String>> names = new TreeMap<>();
        for (String line : Files.readAllLines(LIST)) {
            String content = line.strip();
            if (!content.isEmpty() && !content.startsWith("#")) {
                List<String> fields = new ArrayList<>(List.of(content.split("\\s+")));
                names.put(fields.remove(0), Set.copyOf(fields));
            }
        }
        return names;
    }
}
