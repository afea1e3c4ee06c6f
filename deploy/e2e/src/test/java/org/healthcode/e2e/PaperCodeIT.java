package org.healthcode.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.healthcode.e2e.CitizenJourneyIT.Citizen;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A person without a phone carries a printed paper code: the page has no colour on it, and the
 * checkpoint that scans it reads the holder's colour now; printing a new one makes the old print
 * worthless; every decision says it was a paper code.
 */
// on the shared platform, before GovernanceIT ends the emergency there
@Order(2)
class PaperCodeIT {

    private static final String PROVINCE = "330000";
    /** The first colours after the shared platform started can take longer than the usual 20 s. */
    private static final java.time.Duration PATIENCE = java.time.Duration.ofSeconds(90);
    private final String checkpoint = TestTokens.staff("checkpoint-" + UUID.randomUUID(), "checkpoint", PROVINCE);

    @BeforeAll
    static void platform() {
        RestAssured.baseURI = Platform.get().gatewayUrl();
        RestAssured.port = -1;
    }

    @Test
    void aPaperCodeScansToTheColourNowAndAReplacedPrintIsRefused() throws Exception {
        Citizen resident = Citizen.registered();
        resident.declare(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(), "temperature", 36.5));
        resident.awaitCode("GREEN", c -> "GREEN".equals(c.getString("colour")), PATIENCE);
        String venueId = given().auth().oauth2(checkpoint).contentType(ContentType.JSON)
                .body(Map.of("name", "Paper code market", "type", "MARKET", "regionCode", "330106", "address", "7 Test Road"))
                .post("/api/v1/venues").then().statusCode(201).extract().path("id");

        Printed first = print(resident, "/api/v1/me/paper-code");
        assertFalse(first.text.contains(resident.name), "the full name is not printed");
        assertFalse(first.text.contains(resident.idNumber), "the document number is not printed");
        String text = first.text.toLowerCase(Locale.ROOT);
        for (String colour : List.of("green", "yellow", "red")) {
            assertFalse(text.contains(colour), () -> "the paper names a colour: " + colour);
        }
        assertTrue(first.text.contains("The colour is checked at the checkpoint"), first.text);

        scan(first.token, venueId).body("decision", equalTo("ALLOW")).body("colour", equalTo("GREEN"))
                .body("mode", equalTo("PAPER_CODE")).body("subjectId", equalTo(resident.subjectId()))
                .body("maskedName", notNullValue());

        // Printing again: the new print scans, the old one is refused once the checkpoint has heard of it.
        Printed second = print(resident, "/api/v1/me/paper-code");
        assertNotEquals(first.reference, second.reference);
        scan(second.token, venueId).body("decision", equalTo("ALLOW")).body("mode", equalTo("PAPER_CODE"));
        JsonPath replaced = CitizenJourneyIT.await("the old print refused", () -> scanResponse(first.token, venueId),
                a -> "PAPER_CODE_REPLACED".equals(a.getString("reason")), PATIENCE);
        assertEquals("DENY", replaced.getString("decision"));
        assertEquals(null, replaced.getString("colour"), "a refused print shows no colour");
        assertEquals("PAPER_CODE", replaced.getString("mode"));

        // The resident turns red: the same paper now answers by the colour now.
        resident.declare(Map.of("travel", List.of(), "contactWithCase", true, "symptoms", List.of(), "temperature", 36.5));
        resident.awaitCode("RED for a declared contact", c -> "RED".equals(c.getString("colour")), PATIENCE);
        JsonPath red = CitizenJourneyIT.await("the paper code refused as red", () -> scanResponse(second.token, venueId),
                a -> "COLOUR_RED".equals(a.getString("reason")), PATIENCE);
        assertEquals("DENY", red.getString("decision"));
        assertEquals("PAPER_CODE", red.getString("mode"));
        scan(first.token, venueId).body("decision", equalTo("DENY")).body("reason", equalTo("PAPER_CODE_REPLACED"));

        // An offline checkpoint, which can only read what a code says, cannot admit by a paper code.
        given().auth().oauth2(checkpoint).contentType(ContentType.JSON).body(Map.of("token", second.token))
                .post("/api/v1/codes/verify").then().statusCode(200).body("valid", equalTo(false))
                .body("colour", nullValue());
    }

    @Test
    void aGuardianPrintsADependentsPaperCodeAndAStrangerCannot() throws Exception {
        Citizen guardian = Citizen.registered();
        String dependent = given().auth().oauth2(guardian.token).contentType(ContentType.JSON)
                .body(Map.of("name", Residents.name(), "documentType", "RESIDENT_ID", "documentNumber", Residents.idNumber(),
                        "regionCode", "330106", "relation", "PARENT"))
                .post("/api/v1/me/dependents").then().statusCode(201).extract().path("id");
        given().auth().oauth2(guardian.token).contentType(ContentType.JSON)
                .body(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(), "temperature", 36.4))
                .post("/api/v1/me/dependents/" + dependent + "/declarations").then().statusCode(201);
        CitizenJourneyIT.await("the dependent green", () -> given().auth().oauth2(guardian.token)
                .get("/api/v1/me/dependents/" + dependent + "/code"), c -> "GREEN".equals(c.getString("colour")), PATIENCE);
        String venueId = given().auth().oauth2(checkpoint).contentType(ContentType.JSON)
                .body(Map.of("name", "Paper code clinic", "type", "HOSPITAL", "regionCode", "330106", "address", "9 Test Road"))
                .post("/api/v1/venues").then().statusCode(201).extract().path("id");

        Printed paper = print(guardian, "/api/v1/me/dependents/" + dependent + "/paper-code");
        scan(paper.token, venueId).body("decision", equalTo("ALLOW")).body("mode", equalTo("PAPER_CODE"));

        Citizen stranger = Citizen.registered();
        int refused = given().auth().oauth2(stranger.token).post("/api/v1/me/dependents/" + dependent + "/paper-code")
                .then().extract().statusCode();
        assertTrue(refused == 403 || refused == 404, "a stranger printed someone's paper code: " + refused);
        scan(paper.token, venueId).body("decision", equalTo("ALLOW"));
    }

    private record Printed(String reference, String token, String text) {
    }

    /** Prints a paper code, reads its page as a person would and its QR as a scanner would (rendered, then zxing). */
    private static Printed print(Citizen citizen, String path) throws Exception {
        ExtractableResponse<Response> answer = given().auth().oauth2(citizen.token).post(path).then().statusCode(200)
                .contentType("application/pdf").header("Cache-Control", "no-store").extract();
        String reference = answer.header("Paper-Code-Reference");
        assertTrue(reference != null && reference.matches("[0-9]{12}"), "reference " + reference);
        try (PDDocument document = Loader.loadPDF(answer.asByteArray())) {
            assertEquals(1, document.getNumberOfPages());
            assertEquals(297.6f, document.getPage(0).getMediaBox().getWidth(), 0.5f, "A6");
            assertEquals(419.5f, document.getPage(0).getMediaBox().getHeight(), 0.5f, "A6");
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Ref. " + reference.substring(0, 4) + " " + reference.substring(4, 8) + " "
                    + reference.substring(8)), text);
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            String token = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)))).getText();
            return new Printed(reference, token, text);
        }
    }

    private Response scanResponse(String token, String venueId) {
        return given().auth().oauth2(checkpoint).contentType(ContentType.JSON)
                .body(Map.of("token", token, "venueId", venueId, "scanId", UUID.randomUUID().toString()))
                .post("/api/v1/scans");
    }

    private ValidatableResponse scan(String token, String venueId) {
        return scanResponse(token, venueId).then().statusCode(200);
    }

}
