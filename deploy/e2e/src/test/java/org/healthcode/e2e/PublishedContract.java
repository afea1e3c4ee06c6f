package org.healthcode.e2e;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every answer of the gateway checked against the OpenAPI document it serves, as a REST Assured filter:
 * the call must be in the document, its status documented for that call, and a JSON body valid under
 * that status's schema. Stricter than the document itself: a field the schema does not name is a
 * mismatch too (the document lets clients ignore new fields; this check makes sure the document names
 * every field the platform sends). Mismatches are collected, never logged with the body.
 */
final class PublishedContract implements Filter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig FORMATS_ASSERTED =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private record Operation(String method, Pattern path, String template, JsonNode responses) {
    }

    private final String gateway;
    private final JsonNode components;
    private final List<Operation> operations = new ArrayList<>();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();
    private final List<String> mismatches = new ArrayList<>();
    private final SortedSet<String> checked = new TreeSet<>();

    PublishedContract(String gatewayUrl) {
        this.gateway = gatewayUrl;
        JsonNode document = read(given().accept("application/json").get(gatewayUrl + "/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        this.components = strict(document.path("components").deepCopy());
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (op.getValue().has("responses")) {
                String regex = Pattern.quote(path.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
                operations.add(new Operation(op.getKey().toUpperCase(), Pattern.compile(regex), path.getKey(),
                        op.getValue().path("responses")));
            }
        }));
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        if (request.getURI().startsWith(gateway) && !uri.getPath().startsWith("/q/")) {
            check(request.getMethod(), uri.getPath(), response);
        }
        return response;
    }

    /** What did not match, one line each ("METHOD /template status: problem"). */
    synchronized List<String> mismatches() {
        return List.copyOf(mismatches);
    }

    /** "METHOD /template status" of every answer checked. */
    synchronized SortedSet<String> checked() {
        return new TreeSet<>(checked);
    }

    private void check(String method, String path, Response response) {
        Operation operation = operations.stream()
                .filter(op -> op.method().equals(method) && op.path().matcher(path).matches()).findFirst().orElse(null);
        String status = String.valueOf(response.statusCode());
        if (operation == null) {
            mismatch(method + " " + path + " " + status + ": not in the document");
            return;
        }
        String call = method + " " + operation.template() + " " + status;
        JsonNode documented = resolve(operation.responses().has(status) ? operation.responses().get(status)
                : operation.responses().path("default"));
        if (documented.isMissingNode()) {
            mismatch(call + ": status not documented");
            return;
        }
        String contentType = response.contentType() == null ? "" : response.contentType().split(";")[0].trim();
        byte[] body = response.asByteArray();
        if (body.length == 0) {
            record(call);
            return;
        }
        JsonNode content = documented.path("content").path(contentType);
        if (content.isMissingNode()) {
            mismatch(call + ": content type " + contentType + " not documented");
            return;
        }
        if (contentType.endsWith("json")) {
            Set<ValidationMessage> problems = schema(call, content.path("schema")).validate(read(response.asString()));
            problems.forEach(problem -> mismatch(call + ": " + problem.getMessage()));
        }
        record(call);
    }

    private JsonSchema schema(String call, JsonNode schema) {
        return compiled.computeIfAbsent(call, c -> {
            ObjectNode root = JSON.createObjectNode().put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.setAll((ObjectNode) schema.deepCopy());
            root.set("components", components);
            return SCHEMAS.getSchema(root, FORMATS_ASSERTED);
        });
    }

    private JsonNode resolve(JsonNode response) {
        String ref = response.path("$ref").asText(null);
        return ref == null ? response : components.at(ref.substring("#/components".length()));
    }

    /** Every object schema that names its properties admits no others. */
    private static JsonNode strict(JsonNode node) {
        if (node.isObject()) {
            if (node.has("properties") && !node.has("additionalProperties")) {
                ((ObjectNode) node).put("additionalProperties", false);
            }
            node.forEach(PublishedContract::strict);
        } else if (node.isArray()) {
            node.forEach(PublishedContract::strict);
        }
        return node;
    }

    private synchronized void mismatch(String problem) {
        mismatches.add(problem);
    }

    private synchronized void record(String call) {
        checked.add(call);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
