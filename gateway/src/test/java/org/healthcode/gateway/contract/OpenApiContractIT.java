package org.healthcode.gateway.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.healthcode.gateway.ServiceStandIns;
import org.healthcode.infra.testing.TestOidcResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the gateway serves is a contract a client can be generated from: every call that
 * takes a body names its type, every call names the type of what it answers, and every refusal has the
 * platform's error shape. The build generates a Java client from the same document (the one Quarkus
 * writes at build time, to target/openapi, and serves) and compiles it.
 */
@QuarkusTest
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(ServiceStandIns.class)
class OpenApiContractIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Set<Class<? extends Annotation>> NOT_THE_BODY = Set.of(PathParam.class, QueryParam.class,
            HeaderParam.class, CookieParam.class, MatrixParam.class, FormParam.class, BeanParam.class, Context.class);

    private static JsonNode document;

    @BeforeEach
    void read() throws IOException {
        document = JSON.readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
    }

    @Test
    void everyCallThatTakesABodyNamesItsType() throws Exception {
        Map<String, Boolean> takesABody = resourceMethods();
        Map<String, JsonNode> operations = operations();
        assertEquals(takesABody.keySet(), operations.keySet(), "every resource method is in the document, and only they");
        List<String> problems = new ArrayList<>();
        takesABody.forEach((operation, body) -> {
            JsonNode requestBody = operations.get(operation).path("requestBody");
            if (body != !requestBody.isMissingNode()) {
                problems.add(operation + (body ? ": takes a body the document does not describe"
                        : ": describes a body it does not take"));
            } else if (body) {
                if (!requestBody.path("required").asBoolean()) {
                    problems.add(operation + ": its body is not marked required");
                }
                JsonNode content = requestBody.path("content");
                // JSON, a signed message between provinces (a compact JWS, RFC 7515's application/jose),
                // or an authority's import file (CSV and NDJSON both)
                boolean importFile = content.has("text/csv") && content.has("application/x-ndjson");
                if (!content.has("application/json") && !content.has("application/jose") && !importFile) {
                    problems.add(operation + ": its body is neither JSON, a signed JOSE message nor an import file");
                }
                content.fields().forEachRemaining(media -> untyped(media.getValue().path("schema"), media.getKey())
                        .forEach(problem -> problems.add(operation + " body: " + problem)));
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void everyCallNamesTheTypeOfItsAnswerAndEveryRefusalHasTheErrorShape() {
        List<String> problems = new ArrayList<>();
        operations().forEach((operation, op) -> {
            boolean answers = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = op.path("responses").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> response = it.next();
                String status = response.getKey();
                JsonNode content = resolve(response.getValue()).path("content");
                answers |= status.startsWith("2");
                if (content.isEmpty()) {
                    problems.add(operation + " " + status + ": no content");
                }
                content.fields().forEachRemaining(media -> {
                    JsonNode schema = media.getValue().path("schema");
                    untyped(schema, media.getKey()).forEach(problem -> problems.add(operation + " " + status + ": " + problem));
                    if (status.startsWith("4") && !"#/components/schemas/ApiError".equals(schema.path("$ref").asText())) {
                        problems.add(operation + " " + status + ": not the error shape");
                    }
                });
            }
            if (!answers) {
                problems.add(operation + ": no 2xx answer");
            }
            boolean needsToken = !op.path("security").isEmpty();
            if (needsToken && !op.path("responses").has("401")) {
                problems.add(operation + ": needs a token but documents no 401");
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void anObjectWithoutPropertiesIsNoType() {
        assertNotEquals(List.of(), untyped(JSON.createObjectNode().put("type", "object"), "application/json"));
        assertNotEquals(List.of(), untyped(JSON.createObjectNode(), "application/json"));
        assertNotEquals(List.of(), untyped(JSON.createObjectNode().put("$ref", "#/components/schemas/NoSuchThing"),
                "application/json"));
        assertEquals(List.of(), untyped(JSON.createObjectNode().put("$ref", "#/components/schemas/ApiError"),
                "application/json"));
    }

    /** "METHOD /path" of every operation in the document. */
    private static Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new TreeMap<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (HTTP_METHODS.contains(op.getKey())) {
                operations.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
            }
        }));
        return operations;
    }

    /** "METHOD /path" of every JAX-RS resource method of the gateway, and whether it takes a body. */
    private static Map<String, Boolean> resourceMethods() throws Exception {
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        Map<String, Boolean> methods = new TreeMap<>();
        List<java.nio.file.Path> files;
        try (Stream<java.nio.file.Path> walk = Files.walk(classes.resolve("org/healthcode/gateway"))) {
            files = walk.filter(f -> f.toString().endsWith(".class")).toList();
        }
        for (java.nio.file.Path file : files) {
            String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
            Class<?> type = Class.forName(name, false, OpenApiContractIT.class.getClassLoader());
            Path base = type.getAnnotation(Path.class);
            if (base == null || type.isInterface()) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String http = httpMethod(method);
                if (http == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = (base.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/");
                path = path.length() > 1 ? path.replaceAll("/$", "") : path;
                boolean body = Stream.of(method.getParameters()).anyMatch(OpenApiContractIT::isTheBody);
                methods.put(http + " " + path, body);
            }
        }
        return methods;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static boolean isTheBody(Parameter parameter) {
        return Stream.of(parameter.getAnnotations()).noneMatch(a -> NOT_THE_BODY.contains(a.annotationType()));
    }

    /**
     * What keeps a schema from being a type a client can be generated from: JSON must be an object with
     * properties (or a map or list of such), another media type (NDJSON included) a string.
     */
    static List<String> untyped(JsonNode schema, String mediaType) {
        List<String> problems = new ArrayList<>();
        JsonNode resolved = resolve(schema);
        if (resolved.isMissingNode()) {
            problems.add("refers to nothing: " + schema.path("$ref").asText());
        } else if (!mediaType.contains("json") || mediaType.endsWith("ndjson")) { // NDJSON: lines of JSON, a text
            if (!"string".equals(resolved.path("type").asText())) {
                problems.add(mediaType + " is not described as a string");
            }
        } else if (resolved.has("items")) {
            problems.addAll(untyped(resolved.get("items"), mediaType));
        } else if (resolved.path("additionalProperties").isObject() && !resolved.has("properties")) {
            problems.addAll(untyped(resolved.get("additionalProperties"), mediaType));
        } else if (!"object".equals(resolved.path("type").asText()) || resolved.path("properties").isEmpty()) {
            problems.add("no typed object: " + schema);
        }
        return problems;
    }

    /** A schema or response itself, or what its $ref names in this document. */
    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText(null);
        return ref == null ? node : resolve(document.at(ref.substring(1)));
    }
}
