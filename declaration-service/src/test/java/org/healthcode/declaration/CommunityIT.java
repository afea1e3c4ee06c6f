package org.healthcode.declaration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Residential communities: a resident (or a guardian, for a dependent) names theirs, a venue of their
 * province that scan-checkpoint-service says is a residential community; its workers see who lives
 * there, masked, with today's submission, and nobody else's community; every read audited.
 */
@QuarkusTest
@QuarkusTestResource(DeclarationServiceResource.class)
class CommunityIT {

    private static final String HERE = "330000";

    @Test
    void aResidentNamesTheirCommunityAndItsWorkerSeesThemUntilTheyLeave() {
        String venue = VenueStub.community("330106");
        String resident = People.account();
        String subjectId = People.registerSelf(resident);
        name(resident, venue).statusCode(200).body("community.venueId", equalTo(venue))
                .body("community.name", equalTo("翠苑一区")).body("community.regionCode", equalTo("330106"));
        String namedAt = name(resident, venue).statusCode(200).extract().path("community.namedAt");
        // the same again changes nothing
        name(resident, venue).statusCode(200).body("community.namedAt", equalTo(namedAt));
        given().auth().oauth2(TestTokens.citizen(resident)).get("/v1/persons/me/community").then().statusCode(200)
                .body("community.venueId", equalTo(venue));
        assertEquals(1, Audit.byActor(resident, "COMMUNITY_NAMED").size());

        String worker = "community-worker-" + UUID.randomUUID();
        JsonPath before = residents(worker, HERE, venue, venue).statusCode(200).body("venueId", equalTo(venue))
                .body("items", hasSize(1)).extract().jsonPath();
        assertEquals(subjectId, before.getString("items[0].subjectId"));
        assertEquals("王*明", before.getString("items[0].maskedName"));
        assertEquals(false, before.getBoolean("items[0].dependent"));
        // registered today, nothing submitted yet: due, not missed
        assertEquals("DUE", before.getString("items[0].checkin"));

        given().auth().oauth2(TestTokens.citizen(resident)).contentType(ContentType.JSON)
                .body(Map.of("symptoms", List.of(), "temperature", 36.5)).post("/v1/persons/me/checkins")
                .then().statusCode(201);
        String after = residents(worker, HERE, venue, venue).statusCode(200).body("items[0].checkin", equalTo("DONE"))
                .extract().asString();
        // nothing of what they declared
        assertTrue(!after.contains("36.5") && !after.contains("temperature") && !after.contains("regionCode"), after);

        List<Map<String, Object>> reads = Audit.byActor(worker, "COMMUNITY_READ");
        assertEquals(4, reads.size()); // two reads: the list and its one resident each time
        assertTrue(reads.stream().anyMatch(line -> "1 residents".equals(line.get("detail"))
                && ("community " + venue).equals(line.get("object"))), reads.toString());
        assertTrue(reads.stream().anyMatch(line -> subjectId.equals(line.get("subjectId"))), reads.toString());

        given().auth().oauth2(TestTokens.community(worker, HERE, venue)).queryParam("export", "true")
                .get("/v1/communities/{venueId}/residents", venue).then().statusCode(200).body("items", hasSize(1));
        assertEquals(2, Audit.byActor(worker, "COMMUNITY_EXPORTED").size());
        given().auth().oauth2(TestTokens.community(worker, HERE, venue)).queryParam("export", "yes")
                .get("/v1/communities/{venueId}/residents", venue).then().statusCode(400)
                .body("details.field", equalTo(List.of("export")));

        // naming another community moves the resident there: gone from this one's list
        String next = VenueStub.community("330106");
        name(resident, next).statusCode(200).body("community.venueId", equalTo(next));
        residents(worker, HERE, venue, venue).statusCode(200).body("items", hasSize(0));
        residents(worker, HERE, next, next).statusCode(200).body("items", hasSize(1));
        assertEquals(2, Audit.byActor(resident, "COMMUNITY_NAMED").size());

        leave(resident).statusCode(200).body("community", nullValue());
        residents(worker, HERE, next, next).statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TestTokens.citizen(resident)).get("/v1/persons/me/community").then().statusCode(200)
                .body("community", nullValue());
        leave(resident).statusCode(200); // leaving twice changes nothing
        assertEquals(1, Audit.byActor(resident, "COMMUNITY_LEFT").size());
    }

    @Test
    void aGuardianNamesTheCommunityOfADependentWhoIsListedAsOne() {
        String venue = VenueStub.community("330102");
        String guardian = People.account();
        People.registerSelf(guardian);
        String dependent = People.addDependent(guardian, "王小宝", "CHILD").statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.citizen(guardian)).contentType(ContentType.JSON)
                .body(Map.of("venueId", venue)).put("/v1/persons/me/dependents/{id}/community", dependent)
                .then().statusCode(200).body("community.venueId", equalTo(venue));
        residents("worker-" + UUID.randomUUID(), HERE, venue, venue).statusCode(200).body("items", hasSize(1))
                .body("items[0].dependent", equalTo(true)).body("items[0].maskedName", equalTo("王*宝"));
        // another account cannot name a community for someone else's dependent
        String stranger = People.account();
        People.registerSelf(stranger);
        given().auth().oauth2(TestTokens.citizen(stranger)).contentType(ContentType.JSON)
                .body(Map.of("venueId", VenueStub.community("330102")))
                .put("/v1/persons/me/dependents/{id}/community", dependent).then().statusCode(404);
        given().auth().oauth2(TestTokens.citizen(guardian)).delete("/v1/persons/me/dependents/{id}/community",
                dependent).then().statusCode(200).body("community", nullValue());
        residents("worker-" + UUID.randomUUID(), HERE, venue, venue).statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aVenueThatIsNoCommunityOfTheResidentsProvinceIsRefusedAndNothingIsNamed() {
        String resident = People.account();
        People.registerSelf(resident);
        name(resident, null).statusCode(400).body("error", equalTo("VALIDATION_FAILED"))
                .body("details.field", equalTo(List.of("venueId")));
        name(resident, "翠苑").statusCode(400).body("details.field", equalTo(List.of("venueId")));
        name(resident, UUID.randomUUID().toString()).statusCode(404).body("error", equalTo("VENUE_NOT_FOUND"));
        name(resident, VenueStub.mall("330106")).statusCode(400).body("error", equalTo("NOT_A_COMMUNITY"));
        name(resident, VenueStub.community("440106")).statusCode(400)
                .body("error", equalTo("COMMUNITY_IN_ANOTHER_PROVINCE"));
        name(resident, VenueStub.failing()).statusCode(503).body("error", equalTo("UPSTREAM_UNAVAILABLE"));
        given().auth().oauth2(TestTokens.citizen(resident)).get("/v1/persons/me/community").then().statusCode(200)
                .body("community", nullValue());
        assertEquals(0, Audit.byActor(resident, "COMMUNITY_NAMED").size());
        // an account that has not registered has no one to name a community for
        name(People.account(), VenueStub.community("330106")).statusCode(404);
    }

    @Test
    void aWorkerSeesTheirOwnCommunitiesOnlyAndOnlyTheirProvincesResidents() {
        String venue = VenueStub.community("330106");
        String resident = People.account();
        People.registerSelf(resident);
        name(resident, venue).statusCode(200);

        String other = "worker-" + UUID.randomUUID();
        residents(other, HERE, venue, VenueStub.community("330106")).statusCode(403)
                .body("error", equalTo("NOT_YOUR_COMMUNITY"));
        residents(other, HERE, "not-a-venue", venue).statusCode(403).body("error", equalTo("NOT_YOUR_COMMUNITY"));
        List<Map<String, Object>> refused = Audit.byActor(other, "COMMUNITY_READ");
        assertEquals(2, refused.size());
        assertTrue(refused.stream().allMatch(line -> "REFUSED".equals(line.get("outcome"))), refused.toString());
        assertEquals("community " + venue, refused.get(0).get("object"));

        // a worker of another province whose token names the venue still sees none of this province's people
        residents("worker-" + UUID.randomUUID(), "440000", venue, venue).statusCode(200).body("items", hasSize(0));
        // staff without a province act nowhere; other roles do not reach the list
        given().auth().oauth2(TestTokens.token("worker-" + UUID.randomUUID(), List.of("community"), null,
                Map.of("communities", List.of(venue)))).get("/v1/communities/{venueId}/residents", venue).then()
                .statusCode(403).body("error", equalTo("NO_PROVINCE"));
        given().auth().oauth2(TestTokens.citizen(resident)).get("/v1/communities/{venueId}/residents", venue).then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.staff("authority-" + UUID.randomUUID(), "authority", HERE))
                .get("/v1/communities/{venueId}/residents", venue).then().statusCode(403);
        // a worker's token naming communities as one string (space-separated) is read too
        given().auth().oauth2(TestTokens.token("worker-" + UUID.randomUUID(), List.of("community"), HERE,
                Map.of("communities", UUID.randomUUID() + " " + venue.toUpperCase())))
                .get("/v1/communities/{venueId}/residents", venue).then().statusCode(200).body("items", hasSize(1));
    }

    private static ValidatableResponse name(String account, String venueId) {
        return given().auth().oauth2(TestTokens.citizen(account)).contentType(ContentType.JSON)
                .body(venueId == null ? Map.of() : Map.of("venueId", venueId)).put("/v1/persons/me/community").then();
    }

    private static ValidatableResponse leave(String account) {
        return given().auth().oauth2(TestTokens.citizen(account)).delete("/v1/persons/me/community").then();
    }

    private static ValidatableResponse residents(String worker, String province, String venueId, String... own) {
        return given().auth().oauth2(TestTokens.community(worker, province, own))
                .get("/v1/communities/{venueId}/residents", venueId).then();
    }
}
