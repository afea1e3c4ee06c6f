package org.healthcode.codeissuer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.healthcode.codeissuer.paper.PaperSheets;
import org.healthcode.codeissuer.token.TestKeys;
import org.healthcode.infra.testing.KafkaTestClient;
import org.healthcode.infra.testing.TestTokens;
import org.healthcode.kit.code.token.PaperVerification;
import org.healthcode.kit.code.token.TokenVerifier;
import org.junit.jupiter.api.Test;

/** Printing paper codes: each print is signed for months, the latest is the subject's only one, and it is published. */
@QuarkusTest
@QuarkusTestResource(CodeIssuerTestResource.class)
class PaperCodeIT {

    @Inject
    TokenVerifier verifier;
    @Inject
    Pool pool;
    @Inject
    ObjectMapper json;

    @Test
    void aPrintIsASignedPaperCodeAndPrintingAgainReplacesIt() throws Exception {
        String subject = TestKeys.subjectId();
        ExtractableResponse<Response> first = print(subject);
        byte[] pdf = first.asByteArray();
        String firstId = first.header("Paper-Code-Reference");
        assertTrue(firstId.matches("[0-9]{12}"));
        assertEquals("attachment; filename=\"paper-code-" + firstId + ".pdf\"", first.header("Content-Disposition"));
        assertEquals(1, PaperSheets.pages(pdf));
        String text = PaperSheets.text(pdf);
        assertTrue(text.contains("Ref. " + firstId.substring(0, 4) + " " + firstId.substring(4, 8) + " "
                + firstId.substring(8)), text);

        PaperVerification checked = verifier.verifyPaper(PaperSheets.qr(pdf));
        assertTrue(checked.valid(), () -> "rejected: " + checked.reason());
        assertEquals(subject, checked.claims().subjectId());
        assertEquals(firstId, checked.claims().paperId());
        assertEquals("330000", checked.claims().issuer());
        assertEquals(Duration.ofDays(180), Duration.between(checked.claims().issuedAt(), checked.claims().expiresAt()),
                "valid for the configured 180 days");
        assertFalse(verifier.verify(PaperSheets.qr(pdf)).valid(), "no phone code: it carries no colour");

        String secondId = print(subject).header("Paper-Code-Reference");
        assertNotEquals(firstId, secondId);
        assertEquals(List.of(secondId), currentPrints(subject), "one current print per subject: the newest");

        List<ConsumerRecord<String, String>> published = KafkaTestClient.read("paper-code-issued",
                r -> subject.equals(r.key()), 2, Duration.ofSeconds(20));
        JsonNode event = json.readTree(published.get(1).value());
        assertEquals("cn.healthcode.paper-code-issued", event.get("type").asText());
        assertEquals(subject, event.get("subject").asText());
        JsonNode data = event.get("data");
        assertEquals(secondId, data.get("paperId").asText());
        assertEquals(subject, data.get("subjectId").asText());
        assertEquals("330000", data.get("province").asText());
        assertTrue(Instant.parse(data.get("issuedAt").asText()).isBefore(Instant.parse(data.get("expiresAt").asText())));
        assertEquals(firstId, json.readTree(published.get(0).value()).get("data").get("paperId").asText());
        assertFalse(published.get(1).value().contains("colour"), "the event says nothing of a colour");
    }

    /** Like the phone code, this route takes any subject: the platform's own identity only. */
    @Test
    void onlyThePlatformPrintsAndABadSubjectIsRefused() {
        String subject = TestKeys.subjectId();
        for (String token : List.of(TestTokens.citizen(subject), TestTokens.staff("cp", "checkpoint", "330000"),
                TestTokens.staff("ad", "admin", "330000"))) {
            given().auth().oauth2(token).post("/v1/subjects/{s}/paper-code", subject).then().statusCode(403)
                    .body("error", equalTo("FORBIDDEN"));
        }
        given().post("/v1/subjects/{s}/paper-code", subject).then().statusCode(401);
        given().auth().oauth2(TestTokens.platform("gateway")).accept("application/pdf, application/json")
                .post("/v1/subjects/{s}/paper-code", "not a subject").then().statusCode(400)
                .body("error", equalTo("VALIDATION_FAILED"));
        assertEquals(List.of(), currentPrints(subject), "nothing printed by a refused call");
    }

    private static ExtractableResponse<Response> print(String subject) {
        return given().auth().oauth2(TestTokens.platform("gateway")).post("/v1/subjects/{s}/paper-code", subject)
                .then().statusCode(200).contentType("application/pdf").header("Cache-Control", "no-store")
                .extract();
    }

    private List<String> currentPrints(String subject) {
        List<String> ids = new java.util.ArrayList<>();
        pool.preparedQuery("select paper_id from paper_code where subject_id = $1").execute(Tuple.of(subject))
                .await().atMost(Duration.ofSeconds(10)).forEach(row -> ids.add(row.getString(0)));
        return ids;
    }
}
