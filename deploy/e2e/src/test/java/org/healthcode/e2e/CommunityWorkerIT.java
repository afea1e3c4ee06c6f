package org.healthcode.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthcode.e2e.CitizenJourneyIT.Citizen;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A residential community, through the gateway: two residents name it (a mall is refused), one turns
 * yellow with a fever, the other stays green. Its community worker sees only the yellow one, and,
 * days later, that they missed a day's check-in, while the green one who checked in is not listed;
 * the same lines come as CSV; a worker of another community is refused; every read is audited; once
 * the resident leaves, their line is gone. Moves the platform's clock forward two days.
 */
@Order(2)
class CommunityWorkerIT {

    private static final String HERE = "330000";

    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.get();
        RestAssured.baseURI = platform.gatewayUrl();
        RestAssured.port = -1;
    }

    @Test
    void aCommunityWorkerSeesAYellowResidentMissACheckInAndNotAGreenOneWhoCheckedIn() {
        String checkpoint = TestTokens.staff("checkpoint-community-" + UUID.randomUUID(), "checkpoint", HERE);
        String community = venue(checkpoint, "RESIDENTIAL_COMMUNITY", "翠苑一区");
        String otherCommunity = venue(checkpoint, "RESIDENTIAL_COMMUNITY", "翠苑二区");
        String mall = venue(checkpoint, "MALL", "西城广场");

        Citizen feverish = Citizen.registered();
        Citizen well = Citizen.registered();
        name(feverish, mall).statusCode(400).body("error", equalTo("NOT_A_COMMUNITY"));
        name(feverish, UUID.randomUUID().toString()).statusCode(404).body("error", equalTo("VENUE_NOT_FOUND"));
        given().auth().oauth2(feverish.token).get("/api/v1/me/community").then().statusCode(200)
                .body("community", nullValue());
        name(feverish, community).statusCode(200).body("community.venueId", equalTo(community))
                .body("community.name", equalTo("翠苑一区"));
        name(well, community).statusCode(200);

        feverish.declare(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of("FEVER"),
                "temperature", 38.4));
        feverish.awaitCode("YELLOW", c -> "YELLOW".equals(c.getString("colour")));
        well.declare(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(), "temperature", 36.5));
        well.awaitCode("GREEN", c -> "GREEN".equals(c.getString("colour")));
        String feverishName = maskedName(feverish);
        String wellName = maskedName(well);

        String workerAccount = "community-worker-" + UUID.randomUUID();
        String worker = TestTokens.community(workerAccount, HERE, community);
        // today both declared: only the yellow one needs a knock; everyone with all=true
        JsonPath today = residents(worker, community, null).body("items", hasSize(1)).extract().jsonPath();
        assertEquals(Map.of("lineId", today.getString("items[0].lineId"), "maskedName", feverishName,
                "colour", "YELLOW", "dependent", false, "checkin", "DONE", "attention", true),
                today.getMap("items[0]"), "the line holds nothing else");
        JsonPath everyone = residents(worker, community, "true").body("items", hasSize(2)).extract().jsonPath();
        Map<String, Object> green = everyone.getMap("items.find { it.colour == 'GREEN' }");
        assertEquals(Map.of("lineId", green.get("lineId"), "maskedName", wellName, "colour", "GREEN",
                "dependent", false, "checkin", "DONE", "attention", false), green, everyone.prettify());

        // the next day at noon in the province, nobody has submitted yet: due, and still only the yellow one
        platform.advance(Duration.between(platform.clock().instant(),
                Platform.startOf(platform.today().plusDays(1)).plusSeconds(12 * 3600)));
        residents(worker, community, null).body("items", hasSize(1))
                .body("items[0].maskedName", equalTo(feverishName)).body("items[0].checkin", equalTo("DUE"));

        // a day later the yellow resident has missed a day; the green one checks in and is not listed
        platform.advance(Duration.ofDays(1));
        well.checkIn(List.of(), 36.5);
        String missed = residents(worker, community, null).body("items", hasSize(1)).extract().asString();
        JsonPath line = JsonPath.from(missed);
        assertEquals(Map.of("lineId", line.getString("items[0].lineId"), "maskedName", feverishName,
                "colour", "YELLOW", "dependent", false, "checkin", "MISSED", "attention", true),
                line.getMap("items[0]"), missed);
        for (String secret : List.of("FEVER", "SYMPTOMS", "38.4", "reason", feverish.subjectId(), feverish.name,
                feverish.idNumber, feverish.phone)) {
            assertFalse(missed.contains(secret), "the list tells " + secret.length() + " characters too much");
        }

        // the same lines as CSV, a header row first
        String csv = given().auth().oauth2(worker).get("/api/v1/community/{venueId}/residents.csv", community).then()
                .statusCode(200).contentType("text/csv").header("Content-Disposition",
                        equalTo("attachment; filename=\"community-" + community + "-residents.csv\""))
                .extract().asString();
        assertEquals("maskedName,colour,checkin,dependent,attention\r\n" + feverishName + ",YELLOW,MISSED,false,true\r\n",
                csv);

        // a worker of another community is refused, and so is a resident
        String otherWorker = TestTokens.community("community-worker-" + UUID.randomUUID(), HERE, otherCommunity);
        residents(otherWorker, community).statusCode(403).body("error", equalTo("NOT_YOUR_COMMUNITY"));
        given().auth().oauth2(otherWorker).get("/api/v1/community/{venueId}/residents.csv", community).then()
                .statusCode(403).contentType(ContentType.JSON).body("error", equalTo("NOT_YOUR_COMMUNITY"));
        given().auth().oauth2(feverish.token).get("/api/v1/community/{venueId}/residents", community).then()
                .statusCode(403);

        // every read and the export are audited: who, which community, how many residents
        String admin = TestTokens.staff("admin-community-" + UUID.randomUUID(), "admin", HERE);
        List<Map<String, Object>> trail = given().auth().oauth2(admin).queryParam("actor", workerAccount)
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath().getList("entries");
        assertTrue(trail.stream().anyMatch(entry -> "COMMUNITY_READ".equals(entry.get("action"))
                && ("community " + community).equals(entry.get("object")) && "2 residents".equals(entry.get("detail"))),
                trail.toString());
        assertTrue(trail.stream().anyMatch(entry -> "COMMUNITY_EXPORTED".equals(entry.get("action"))
                && feverish.subjectId().equals(entry.get("subjectId"))), trail.toString());

        // the resident leaves: their line is gone at once
        given().auth().oauth2(feverish.token).delete("/api/v1/me/community").then().statusCode(200)
                .body("community", nullValue());
        residents(worker, community, "true").body("items", hasSize(1)).body("items[0].maskedName", equalTo(wellName));
    }

    private static String venue(String checkpoint, String type, String name) {
        return given().auth().oauth2(checkpoint).contentType(ContentType.JSON)
                .body(Map.of("name", name, "type", type, "regionCode", "330106", "address", "文三路 1 号"))
                .post("/api/v1/venues").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse name(Citizen citizen, String venueId) {
        return given().auth().oauth2(citizen.token).contentType(ContentType.JSON).body(Map.of("venueId", venueId))
                .put("/api/v1/me/community").then();
    }

    private static String maskedName(Citizen citizen) {
        return given().auth().oauth2(citizen.token).get("/api/v1/me").then().statusCode(200).extract()
                .path("maskedName");
    }

    private static ValidatableResponse residents(String worker, String venueId, String all) {
        var request = given().auth().oauth2(worker);
        if (all != null) {
            request.queryParam("all", all);
        }
        return request.get("/api/v1/community/{venueId}/residents", venueId).then().statusCode(200);
    }

    private static ValidatableResponse residents(String worker, String venueId) {
        return given().auth().oauth2(worker).get("/api/v1/community/{venueId}/residents", venueId).then();
    }
}
