package org.healthcode.kit.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.healthcode.infra.testing.TestOidcResource;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Every refusal an application of the platform makes carries the JSON error shape
 * {@code {error, message, details}} as {@code application/json}: those of the HTTP layer
 * (oversized body, unknown path, wrong method or media type, no or a bad token) as well as those of
 * JAX-RS (a role refused, malformed JSON, a value of the wrong JSON type). Runs web-kit as the
 * services do, on a small resource of its own ({@link ProbeResource}).
 */
@QuarkusTest
@QuarkusTestResource(TestOidcResource.class)
class HttpRefusalsIT {

    private static final String CITIZEN = TestTokens.citizen("citizen-probe");
    private static final int LIMIT = 64 * 1024;

    @TestHTTPResource("/")
    URL root;

    @Test
    void aBodyOverTheLimitWithItsLengthIsA413InTheErrorShape() {
        String body = "{\"name\":\"" + "x".repeat(LIMIT) + "\"}";
        refusal(given().auth().oauth2(CITIZEN).contentType("application/json").body(body).post("/v1/probe").then(),
                413, "PAYLOAD_TOO_LARGE").body("message", equalTo("The request body is larger than 64 KiB"));
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413InTheErrorShapeToo() throws IOException {
        Raw answer = chunked("/v1/probe", CITIZEN, LIMIT + 4096);
        assertEquals(413, answer.status, answer.head);
        assertTrue(answer.contentType().startsWith("application/json"), answer.head);
        JsonNode error = new ObjectMapper().readTree(answer.body);
        assertEquals("PAYLOAD_TOO_LARGE", error.path("error").asText());
        assertEquals("The request body is larger than 64 KiB", error.path("message").asText());
        assertTrue(error.path("details").isArray());
    }

    @Test
    void aBodyWithinTheLimitStillArrivesWhole() throws IOException {
        String name = "张".repeat(20_000); // 60,000 bytes of UTF-8
        for (String path : List.of("/v1/probe", "/v1/probe/reactive")) {
            given().auth().oauth2(CITIZEN).contentType("application/json").body("{\"name\":\"" + name + "\"}")
                    .post(path).then().statusCode(200).body("name", equalTo(name));
            Raw answer = chunked(path, CITIZEN, LIMIT - 1024);
            assertEquals(200, answer.status, answer.head);
        }
    }

    /**
     * Java's own HTTP client asks to upgrade a plain-text connection to HTTP/2 (h2c) with its first
     * request; its body must still reach the resource (the demo city loader is such a client).
     */
    @Test
    void aBodyArrivesWhenTheClientAsksToUpgradeToHttp2() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        for (String path : List.of("v1/probe", "v1/probe/reactive")) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(root.toURI().resolve(path))
                    .header("Authorization", "Bearer " + CITIZEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"李四\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), path + ": " + answer.body());
            assertTrue(answer.body().contains("李四"), answer.body());
        }
    }

    @Test
    void anUnknownPathIsA404InTheErrorShape() {
        refusal(given().auth().oauth2(CITIZEN).get("/v1/no-such-thing").then(), 404, "NOT_FOUND");
        refusal(given().get("/no-such-page").then(), 404, "NOT_FOUND");
        refusal(given().get("/q/no-such-page").then(), 404, "NOT_FOUND");
    }

    @Test
    void aWrongMethodIsA405InTheErrorShape() {
        refusal(given().auth().oauth2(CITIZEN).get("/v1/probe").then(), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void aWrongContentTypeIsA415InTheErrorShape() {
        refusal(given().auth().oauth2(CITIZEN).contentType("text/plain").body("name=x").post("/v1/probe").then(),
                415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void noTokenOrABadOneIsA401InTheErrorShapeWithTheBearerChallenge() {
        refusal(given().contentType("application/json").body("{}").post("/v1/probe").then(), 401, "UNAUTHENTICATED")
                .header("WWW-Authenticate", startsWith("Bearer"));
        refusal(given().auth().oauth2("forged.token.value").get("/v1/probe/staff").then(), 401, "UNAUTHENTICATED")
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void withoutATokenTheApiRevealsNoPathMethodOrMediaType() {
        refusal(given().get("/v1/no-such-thing").then(), 401, "UNAUTHENTICATED")
                .header("WWW-Authenticate", startsWith("Bearer"));
        refusal(given().get("/v1/probe").then(), 401, "UNAUTHENTICATED");
        refusal(given().contentType("text/plain").body("x").post("/v1/probe").then(), 401, "UNAUTHENTICATED");
        refusal(given().get("/elsewhere").then(), 404, "NOT_FOUND");
    }

    @Test
    void aRoleRefusedIsA403InTheErrorShape() {
        refusal(given().auth().oauth2(CITIZEN).get("/v1/probe/staff").then(), 403, "FORBIDDEN");
    }

    @Test
    void malformedJsonIsA400InTheErrorShape() {
        refusal(given().auth().oauth2(CITIZEN).contentType("application/json").body("{\"name\": ").post("/v1/probe")
                .then(), 400, "MALFORMED_JSON");
    }

    @Test
    void aNumberWhereTextBelongsIsA400NamingTheFieldWithoutItsValue() {
        String answer = refusal(given().auth().oauth2(CITIZEN).contentType("application/json")
                .body("{\"name\":\"张三\",\"phone\":13900000007}").post("/v1/probe").then(), 400, "VALIDATION_FAILED")
                .body("details.field", equalTo(List.of("phone")))
                .body("details.problem", equalTo(List.of("must be a string")))
                .extract().asString();
        assertFalse(answer.contains("13900000007"), "the value stays out of the answer");
        refusal(given().auth().oauth2(CITIZEN).contentType("application/json")
                .body("{\"name\":\"张三\",\"doses\":\"2\"}").post("/v1/probe").then(), 400, "VALIDATION_FAILED")
                .body("details.field", equalTo(List.of("doses")));
        refusal(given().auth().oauth2(CITIZEN).contentType("application/json")
                .body("{\"symptoms\":[\"FEVER\",true]}").post("/v1/probe").then(), 400, "VALIDATION_FAILED")
                .body("details.field", equalTo(List.of("symptoms[1]")));
    }

    private static ValidatableResponse refusal(ValidatableResponse response, int status, String error) {
        return response.statusCode(status).contentType(startsWith("application/json")).body("error", equalTo(error))
                .body("message", not(emptyOrNullString())).body("details", instanceOf(List.class));
    }

    /** A POST whose body comes in chunks, without a Content-Length, as a client streaming it would send it. */
    private Raw chunked(String path, String token, int size) throws IOException {
        byte[] chunk = ("\"" + "y".repeat(1022) + "\",").getBytes(StandardCharsets.US_ASCII); // 1 KiB
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + root.getHost() + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            writeChunk(out, "{\"symptoms\":[".getBytes(StandardCharsets.US_ASCII));
            for (int sent = 0; sent + chunk.length < size; sent += chunk.length) {
                writeChunk(out, chunk);
            }
            writeChunk(out, "\"z\"]}".getBytes(StandardCharsets.US_ASCII));
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return Raw.read(socket.getInputStream());
        }
    }

    private static void writeChunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** An HTTP/1.1 answer read to the end of the connection. */
    private record Raw(int status, String head, String body) {

        static Raw read(InputStream in) throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new Raw(Integer.parseInt(head.split(" ")[1]), head, body);
        }

        String contentType() {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    return line.substring("content-type:".length()).strip();
                }
            }
            return "";
        }

        private static String dechunk(String chunked) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (true) {
                int end = chunked.indexOf("\r\n", at);
                int length = Integer.parseInt(chunked.substring(at, end).strip(), 16);
                if (length == 0) {
                    return body.toString();
                }
                body.append(chunked, end + 2, end + 2 + length);
                at = end + 2 + length + 2;
            }
        }
    }
}
