package org.healthcode.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthcode.e2e.CitizenJourneyIT.Citizen;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The end of the emergency, on a platform of its own (what it stands down must not change what
 * other classes see): an authority stops requiring codes at a venue type of its province, and every
 * scan there, whatever the person's colour, answers ALLOW, NOT_REQUIRED and leaves no visit behind,
 * while the province's other venue types still check. Runs first, before the shared platform starts.
 */
@Order(0)
class StandingDownIT {

    private static final String PROVINCE = "330000";
    private static Platform platform;
    private final String checkpoint = TestTokens.staff("checkpoint-" + UUID.randomUUID(), "checkpoint", PROVINCE);
    private final String authority = TestTokens.staff("authority-" + UUID.randomUUID(), "authority", PROVINCE);

    @BeforeAll
    static void startPlatform() {
        platform = Platform.withInstances(1, Map.of());
        RestAssured.baseURI = platform.gatewayUrl();
        RestAssured.port = -1;
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aStoodDownVenueTypeAnswersNotRequiredAndRecordsNoVisit() throws SQLException {
        Citizen exposed = Citizen.registered();
        exposed.declare(Map.of("travel", List.of(), "contactWithCase", true, "symptoms", List.of(), "temperature", 36.5));
        exposed.awaitCode("RED for a declared contact", c -> "RED".equals(c.getString("colour")));
        String token = exposed.code().getString("token");
        JsonPath school = venue("SCHOOL");
        JsonPath mall = venue("MALL");

        given().auth().oauth2(authority).contentType(ContentType.JSON).body(Map.of("required", false))
                .put("/api/v1/code-requirements/" + PROVINCE + "/SCHOOL").then().statusCode(200)
                .body("required", equalTo(false));
        given().auth().oauth2(checkpoint).get("/api/v1/code-requirements/" + PROVINCE).then().statusCode(200)
                .body("items.find { it.venueType == 'SCHOOL' }.required", equalTo(false))
                .body("items.find { it.venueType == 'MALL' }.required", equalTo(true));

        // a red code, the same person by ID card, and their own check-in at the poster: all admitted
        scan(token, school.getString("id")).statusCode(200).body("decision", equalTo("ALLOW"))
                .body("reason", equalTo("NOT_REQUIRED")).body("colour", nullValue()).body("maskedName", nullValue());
        given().auth().oauth2(checkpoint).contentType(ContentType.JSON)
                .body(Map.of("documentType", "RESIDENT_ID", "documentNumber", exposed.idNumber,
                        "venueId", school.getString("id"), "scanId", UUID.randomUUID().toString()))
                .post("/api/v1/scans/id-card").then().statusCode(200).body("decision", equalTo("ALLOW"))
                .body("reason", equalTo("NOT_REQUIRED")).body("colour", nullValue());
        given().auth().oauth2(exposed.token).contentType(ContentType.JSON)
                .body(Map.of("venueCode", school.getString("posterCode"))).post("/api/v1/me/venue-checkins")
                .then().statusCode(200).body("decision", equalTo("ALLOW")).body("reason", equalTo("NOT_REQUIRED"))
                .body("colour", nullValue());
        // the mall still checks
        scan(token, mall.getString("id")).statusCode(200).body("decision", equalTo("DENY"))
                .body("reason", equalTo("COLOUR_RED"));

        assertEquals(0, visits(school.getString("id")), "no visit where no code is required");
        assertEquals(1, visits(mall.getString("id")), "the mall's scan is a visit");
    }

    private JsonPath venue(String type) {
        return given().auth().oauth2(checkpoint).contentType(ContentType.JSON)
                .body(Map.of("name", "Stand-down " + type, "type", type, "regionCode", "330106", "address", "5 Test Road"))
                .post("/api/v1/venues").then().statusCode(201).extract().jsonPath();
    }

    private io.restassured.response.ValidatableResponse scan(String token, String venueId) {
        return given().auth().oauth2(checkpoint).contentType(ContentType.JSON)
                .body(Map.of("token", token, "venueId", venueId, "scanId", UUID.randomUUID().toString()))
                .post("/api/v1/scans").then();
    }

    private static long visits(String venueId) throws SQLException {
        try (Connection db = DriverManager.getConnection(platform.jdbcUrl(), "postgres", "");
                PreparedStatement count = db.prepareStatement(
                        "select count(*) from scan_checkpoint.scan_attempt where venue_id = ?::uuid")) {
            count.setString(1, venueId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
