package org.healthcode.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the default install gives a province: no secret in the chart, hardened pods, one public
 * entrance, network policies that let only the gateway in, Kafka replicated three ways, a role and
 * schema per service, and a realm without demo users or password logins.
 */
class ChartContentTest {

    private static final List<JsonNode> OBJECTS = Chart.objects(Chart.template(null));
    private static final String R = Chart.RELEASE;
    private static final Pattern SECRET_LIKE = Pattern.compile(".*(KEY|SECRET|PASSWORD|USERNAME|_KID).*");

    @Test
    void holdsNoSecretAndReadsEverySecretFromAnExistingOne() {
        assertEquals(List.of(), Chart.ofKind(OBJECTS, "Secret"), "the chart makes no Secret");
        Map<String, String> secretEnv = new TreeMap<>();
        for (JsonNode deployment : Chart.ofKind(OBJECTS, "Deployment")) {
            for (JsonNode env : deployment.at("/spec/template/spec/containers/0/env")) {
                String name = env.path("name").asText();
                if (SECRET_LIKE.matcher(name).matches()) {
                    JsonNode ref = env.at("/valueFrom/secretKeyRef");
                    assertTrue(env.path("value").isMissingNode() && ref.isObject(),
                            deployment.at("/metadata/name").asText() + " " + name + " must come from a Secret: " + env);
                    secretEnv.put(deployment.at("/metadata/name").asText() + " " + name,
                            ref.path("name").asText() + "/" + ref.path("key").asText());
                }
            }
        }
        for (String needed : List.of("declaration-service DECLARATION_PSEUDONYM_KEY", "declaration-service DECLARATION_DATA_KEY",
                "code-issuer-service CODE_ISSUER_KEYS", "code-issuer-service CODE_ISSUER_SIGNING_KID",
                "scan-checkpoint-service SCAN_POSTER_KEY", "scan-checkpoint-service SCAN_FEDERATION_KEY",
                "gateway GATEWAY_CLIENT_SECRET",
                "contact-trace-service QUARKUS_DATASOURCE_PASSWORD", "keycloak KC_DB_PASSWORD")) {
            assertTrue(secretEnv.containsKey(R + "-" + needed), needed + " read from a Secret; found " + secretEnv.keySet());
        }
        assertEquals(secretEnv.get(R + "-gateway GATEWAY_CLIENT_SECRET"),
                secretEnv.get(R + "-keycloak GATEWAY_CLIENT_SECRET"), "the gateway and its realm client share one secret");
    }

    @Test
    void theDataKeysetMayReplaceTheSingleDataKey() {
        List<JsonNode> objects = Chart.objects(Chart.template(Chart.MODULE.resolve("src/test/resources/data-keyset.yaml")));
        Map<String, String> env = new TreeMap<>();
        for (JsonNode variable : Chart.named(objects, "Deployment", R + "-declaration-service")
                .at("/spec/template/spec/containers/0/env")) {
            JsonNode ref = variable.at("/valueFrom/secretKeyRef");
            env.put(variable.path("name").asText(), ref.path("name").asText() + "/" + ref.path("key").asText());
        }
        assertEquals("healthcode-declaration-keys/data-keyset", env.get("DECLARATION_DATA_KEYSET"));
        assertFalse(env.containsKey("DECLARATION_DATA_KEY"), env.keySet().toString());
    }

    @Test
    void everyServiceRunsHardenedWithProbesScalingAndABudget() {
        for (String service : ChartMatchesServicesTest.SERVICES) {
            String name = R + "-" + service;
            JsonNode pod = Chart.named(OBJECTS, "Deployment", name).at("/spec/template/spec");
            JsonNode container = pod.at("/containers/0");
            assertTrue(container.path("image").asText().matches("[^/]+/healthcode/" + service + ":[^:]+"),
                    "image " + container.path("image"));
            JsonNode security = container.path("securityContext");
            assertTrue(security.path("runAsNonRoot").asBoolean() && pod.at("/securityContext/runAsNonRoot").asBoolean(), name);
            assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), name + " read-only root");
            assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true), name + " no privilege escalation");
            assertEquals("[\"ALL\"]", security.at("/capabilities/drop").toString(), name + " drops all capabilities");
            assertEquals("RuntimeDefault", security.at("/seccompProfile/type").asText(), name);
            assertEquals("/tmp", container.at("/volumeMounts/0/mountPath").asText(), name + " writable /tmp");
            assertTrue(pod.at("/volumes/0/emptyDir").isObject(), name + " /tmp is an emptyDir");
            assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText(), name);
            assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText(), name);
            assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText(), name);
            Map<String, String> env = new TreeMap<>();
            container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
            // the services listen on loopback unless told otherwise, and log JSON in the kubernetes profile
            assertEquals("0.0.0.0", env.get("QUARKUS_HTTP_HOST"), name + " listens on the pod's address");
            assertEquals("prod,kubernetes", env.get("QUARKUS_PROFILE"), name + " JSON logs");
            Chart.named(OBJECTS, "Service", name);
            assertEquals("autoscaling/v2", Chart.named(OBJECTS, "HorizontalPodAutoscaler", name).path("apiVersion").asText());
            Chart.named(OBJECTS, "PodDisruptionBudget", name);
        }
    }

    @Test
    void onlyTheGatewayAndTheLoginPagesArePublic() {
        Map<String, Set<String>> routes = new TreeMap<>();
        for (JsonNode ingress : Chart.ofKind(OBJECTS, "Ingress")) {
            for (JsonNode path : ingress.at("/spec/rules/0/http/paths")) {
                routes.computeIfAbsent(path.at("/backend/service/name").asText(), k -> new TreeSet<>()).add(path.path("path").asText());
            }
        }
        assertEquals(Map.of(R + "-gateway", Set.of("/api/", "/.well-known/", "/app/", "/webjars/"),
                R + "-keycloak", Set.of("/realms/", "/resources/")),
                routes, "public routes: the API and the H5 pages (no /q/, no Keycloak admin console)");
        for (JsonNode service : Chart.ofKind(OBJECTS, "Service")) {
            assertEquals("ClusterIP", service.at("/spec/type").asText(), service.at("/metadata/name").asText());
        }
    }

    @Test
    void networkPoliciesLetOnlyTheGatewayReachTheServices() {
        Predicate<JsonNode> fromGateway = peer -> peer.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText().equals("gateway");
        for (String service : ChartMatchesServicesTest.SERVICES) {
            JsonNode policy = Chart.named(OBJECTS, "NetworkPolicy", R + "-" + service).path("spec");
            assertEquals("[\"Ingress\",\"Egress\"]", policy.path("policyTypes").toString(), service);
            List<JsonNode> peers = new ArrayList<>();
            policy.path("ingress").forEach(rule -> rule.path("from").forEach(peers::add));
            if (service.equals("gateway")) {
                assertEquals(1, peers.size(), "only the ingress controller reaches the gateway: " + peers);
                assertEquals("ingress-nginx", peers.get(0).at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText());
            } else {
                for (JsonNode peer : peers) {
                    String from = peer.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText();
                    boolean allowed = fromGateway.test(peer)
                            || (service.equals("code-issuer-service") && from.equals("scan-checkpoint-service"))
                            || (service.equals("declaration-service") && from.equals("contact-trace-service"))
                            || (service.equals("scan-checkpoint-service") && from.equals("declaration-service"));
                    assertTrue(allowed, service + " reached only by the gateway: " + peer);
                }
                assertFalse(peers.isEmpty(), service + " reached by the gateway");
            }
            Set<String> egress = new TreeSet<>();
            policy.path("egress").forEach(rule -> rule.path("ports").forEach(p -> egress.add(p.path("port").asText())));
            Set<String> allowedPorts = service.equals("gateway")
                    ? Set.of("53", "8080", "8081", "8082", "8083", "8084", "8085")
                    : service.equals("contact-trace-service") ? Set.of("53", "8080", "9092", "5432", "8081")
                    : service.equals("declaration-service") ? Set.of("53", "8080", "9092", "5432", "8084")
                    : Set.of("53", "8080", "9092", "5432", "8083");
            assertTrue(allowedPorts.containsAll(egress), service + " egress ports " + egress);
            if (!service.equals("gateway")) {
                assertTrue(egress.containsAll(Set.of("53", "8080", "9092", "5432")), service + " reaches DNS, Keycloak, Kafka and PostgreSQL");
            }
        }
    }

    @Test
    void tracesGoToTheCollectorOnlyWhenOneIsNamed() {
        for (JsonNode deployment : Chart.ofKind(OBJECTS, "Deployment")) {
            deployment.at("/spec/template/spec/containers/0/env").forEach(env -> assertFalse(
                    env.path("name").asText().startsWith("QUARKUS_OTEL"), "no tracing by default: " + env));
        }
        List<JsonNode> zhejiang = Chart.objects(Chart.template(Chart.DIR.resolve("examples/values-zhejiang.yaml")));
        for (String service : ChartMatchesServicesTest.SERVICES) {
            Map<String, String> env = new TreeMap<>();
            Chart.named(zhejiang, "Deployment", R + "-" + service).at("/spec/template/spec/containers/0/env")
                    .forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
            assertEquals("false", env.get("QUARKUS_OTEL_SDK_DISABLED"), service + " traced");
            assertEquals("http://otel-collector.observability:4317", env.get("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"));
            assertEquals("grpc", env.get("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL"));
            assertEquals("0.1", env.get("QUARKUS_OTEL_TRACES_SAMPLER_ARG"), service + " keeps one trace in ten");
            Set<String> egress = new TreeSet<>();
            Chart.named(zhejiang, "NetworkPolicy", R + "-" + service).at("/spec/egress").forEach(rule -> rule.path("to")
                    .forEach(to -> rule.path("ports").forEach(port -> egress.add(
                            to.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText() + ":"
                                    + port.path("port").asText()))));
            assertTrue(egress.contains("observability:4317"), service + " may reach the collector: " + egress);
        }
    }

    @Test
    void kafkaKeepsThreeReplicasAndCreatesNoTopicOnFirstUse() {
        JsonNode config = Chart.named(OBJECTS, "Kafka", R).at("/spec/kafka/config");
        assertEquals(3, config.path("default.replication.factor").asInt());
        assertEquals(2, config.path("min.insync.replicas").asInt());
        assertFalse(config.path("auto.create.topics.enable").asBoolean(true));
        JsonNode controllers = Chart.named(OBJECTS, "KafkaNodePool", "controllers").path("spec");
        JsonNode brokers = Chart.named(OBJECTS, "KafkaNodePool", "brokers").path("spec");
        assertEquals("[\"controller\"]", controllers.path("roles").toString());
        assertEquals("[\"broker\"]", brokers.path("roles").toString());
        assertEquals(3, controllers.path("replicas").asInt());
        assertEquals(3, brokers.path("replicas").asInt());
        for (JsonNode topic : Chart.ofKind(OBJECTS, "KafkaTopic")) {
            assertEquals(3, topic.at("/spec/replicas").asInt(), topic.at("/spec/topicName").asText());
            assertEquals(R, topic.at("/metadata/labels/strimzi.io~1cluster").asText());
        }
    }

    @Test
    void postgresHasThreeInstancesAndARoleOwningASchemaPerService() {
        JsonNode cluster = Chart.named(OBJECTS, "Cluster", R + "-postgres").path("spec");
        assertEquals(3, cluster.path("instances").asInt());
        assertTrue(cluster.path("backup").isMissingNode(), "backups are off unless configured");
        assertTrue(Chart.ofKind(OBJECTS, "ScheduledBackup").isEmpty());
        Map<String, String> roles = new TreeMap<>();
        cluster.at("/managed/roles").forEach(r -> roles.put(r.path("name").asText(), r.at("/passwordSecret/name").asText()));
        Map<String, String> schemas = new TreeMap<>();
        Chart.named(OBJECTS, "Database", R + "-postgres-healthcode").at("/spec/schemas")
                .forEach(s -> schemas.put(s.path("name").asText(), s.path("owner").asText()));
        assertEquals(Map.of("declaration", "declaration", "risk_scoring", "risk_scoring", "code_issuer", "code_issuer",
                "scan_checkpoint", "scan_checkpoint", "contact_trace", "contact_trace"), schemas, "schema -> owner");
        for (String role : schemas.values()) {
            assertTrue(roles.containsKey(role), "managed role " + role + " in " + roles);
        }
        JsonNode declaration = Chart.named(OBJECTS, "Deployment", R + "-declaration-service");
        String secret = roles.get("declaration");
        assertTrue(declaration.toString().contains("\"name\":\"" + secret + "\",\"key\":\"password\""),
                "the service logs in with its role's password Secret " + secret);
    }

    @Test
    void realmHasNoDemoUsersNoPasswordGrantAndBruteForceProtection() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode realm = json.readTree(Chart.named(OBJECTS, "ConfigMap", R + "-keycloak-realm")
                .at("/data/healthcode-realm.json").asText());
        JsonNode local = json.readTree(Chart.REPOSITORY.resolve("deploy/local/keycloak/healthcode-realm.json").toFile());
        // no person: only the gateway's service account, the one holder of the platform role
        assertEquals(json.readTree("[{\"username\":\"service-account-gateway\",\"enabled\":true,"
                + "\"serviceAccountClientId\":\"gateway\",\"realmRoles\":[\"platform\"]}]"), realm.path("users"), "no users");
        assertTrue(realm.path("bruteForceProtected").asBoolean(), "brute-force protection");
        assertEquals(local.at("/roles/realm"), realm.at("/roles/realm"), "the local realm's roles");
        for (JsonNode client : realm.path("clients")) {
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(true), client.path("clientId") + ": no password grant");
            assertTrue(client.path("secret").isMissingNode() || client.path("secret").asText().matches("\\$\\{[A-Z_]+}"),
                    client.path("clientId") + ": a secret only from the environment");
        }
        JsonNode miniProgram = client(realm, "mini-program");
        assertEquals(client(local, "mini-program").path("protocolMappers"), miniProgram.path("protocolMappers"),
                "the province claim as in the local realm");
        assertEquals("[\"https://h5.healthcode.example.org/*\",\"https://api.healthcode.example.org/app/*\"]",
                miniProgram.path("redirectUris").toString(), "the mini-program's pages and the gateway's own");
        assertEquals("[\"https://h5.healthcode.example.org\",\"https://api.healthcode.example.org\"]",
                miniProgram.path("webOrigins").toString());
        assertEquals("S256", miniProgram.at("/attributes/pkce.code.challenge.method").asText(), "PKCE, as locally");
        assertTrue(miniProgram.path("publicClient").asBoolean() && miniProgram.path("standardFlowEnabled").asBoolean(),
                "a public client with the authorisation code flow");
        assertEquals(local.path("components"), realm.path("components"), "the local realm's user profile (province attribute)");
    }

    @Test
    void thePagesSendBrowsersToSignInAtKeycloaksPublicAddress() {
        JsonNode gateway = Chart.named(OBJECTS, "Deployment", R + "-gateway").at("/spec/template/spec/containers/0");
        Map<String, String> env = new TreeMap<>();
        gateway.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        assertEquals("https://auth.healthcode.example.org/realms/healthcode", env.get("GATEWAY_PAGES_AUTH_SERVER_URL"),
                "the address a browser reaches, not the cluster-internal one the gateway verifies tokens with");
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asText())) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }
}
