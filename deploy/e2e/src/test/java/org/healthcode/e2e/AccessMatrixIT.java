package org.healthcode.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.healthcode.infra.ServiceProcess;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, on every door of the platform: every route of the gateway and of every service
 * (as each one's OpenAPI document lists them), called with every kind of caller: no token, a token
 * with no role, each role of the province (330000, organisation staff and community workers included), the gateway's own service identity, and a
 * stranger (another citizen, or staff of the same role in another province, 310000) reaching for the
 * province's data. A route the table below does not know fails the test, so no new route can slip
 * through unreviewed; so does a route in the table that no longer exists.
 *
 * <p>What is asserted: a caller the route is not for gets 401 (no token) or 403; a caller it is for
 * gets through the door (any answer but 401, 403, or a 5xx: a 400 for a body the table sends empty is
 * still through); a stranger gets 403 or 404, or for a listing, an answer without the province's item.
 */
@Order(2)
class AccessMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HERE = "330000";
    private static final String ELSEWHERE = "310000";
    private static final List<String> STAFF = List.of("checkpoint", "authority", "epidemiologist", "admin");
    private static final String PUBLIC = "public";
    private static final String ANY = "authenticated";
    /** The realm role of the platform's own services, and the headers they name a person in (web-kit's Caller). */
    private static final String PLATFORM = "platform";
    private static final String ORGANISATION = "organisation";
    private static final String COMMUNITY = "community";
    private static final String ON_BEHALF_OF = "Healthcode-On-Behalf-Of";
    private static final String ON_BEHALF_OF_PROVINCE = "Healthcode-On-Behalf-Of-Province";

    /** What a stranger gets on a route of the caller's role. */
    enum Stranger {
        /** nothing of another's to reach (the caller's own data, or nothing personal) */
        NONE,
        /** refused: 403 or 404, and nothing of the province's data in the answer */
        HIDDEN,
        /**
         * a listing: answered, with nothing of the province's (no entry of province 330000, none of its
         * cases, overrides, appeals or names; the stranger's own staff's refused attempts may name the
         * pseudonym they tried)
         */
        FILTERED
    }

    record Route(String service, String method, String path, Set<String> roles, Stranger stranger, String body) {

        String key() {
            return service + " " + method + " " + path;
        }
    }

    /** An import file's header (of an itinerary import): a body sent as text/csv. */
    private static final String CSV_HEADER = "documentType,";

    private static Platform platform;
    private static final Map<String, String> ids = new HashMap<>();
    private static final Map<String, String> tokens = new LinkedHashMap<>();
    private static final Map<String, String> strangers = new HashMap<>();

    @BeforeAll
    static void province() throws Exception {
        platform = Platform.get();
        RestAssured.baseURI = platform.gatewayUrl();
        RestAssured.port = -1;
        String gatewayUrl = platform.gatewayUrl();

        // a resident of the province with a dependent, a colour, an appeal, a case and an override
        String account = Residents.account();
        String citizen = TestTokens.citizen(account);
        String idNumber = Residents.idNumber();
        ids.put("subjectId", given().auth().oauth2(citizen).contentType(ContentType.JSON)
                .body(Residents.registration(Residents.name(), idNumber, Residents.phone()))
                .post(gatewayUrl + "/api/v1/me/registration").then().statusCode(201).extract().path("subjectId"));
        ids.put("idNumber", idNumber);
        ids.put("account", account);
        ids.put("dependentId", given().auth().oauth2(citizen).contentType(ContentType.JSON)
                .body(Map.of("name", Residents.name(), "documentType", "RESIDENT_ID", "documentNumber",
                        Residents.idNumber(), "relation", "PARENT", "regionCode", "330106"))
                .post(gatewayUrl + "/api/v1/me/dependents").then().statusCode(201).extract().path("id"));
        given().auth().oauth2(citizen).contentType(ContentType.JSON)
                .body(Map.of("travel", List.of(), "contactWithCase", false, "symptoms", List.of(), "temperature", 36.5))
                .post(gatewayUrl + "/api/v1/me/declarations").then().statusCode(201);
        ids.put("codeToken", awaitCode(citizen));
        ids.put("maskedName", given().auth().oauth2(citizen).get(gatewayUrl + "/api/v1/me").then().statusCode(200)
                .extract().path("maskedName"));
        ids.put("appealId", given().auth().oauth2(citizen).contentType(ContentType.JSON)
                .body(Map.of("reason", "I was not there")).post(gatewayUrl + "/api/v1/me/appeals")
                .then().statusCode(201).extract().path("id"));

        String checkpoint = TestTokens.staff("checkpoint-matrix", "checkpoint", HERE);
        JsonNode venue = JSON.readTree(given().auth().oauth2(checkpoint).contentType(ContentType.JSON)
                .body(Map.of("name", "Matrix mall", "type", "MALL", "regionCode", "330106", "address", "1 Test Road"))
                .post(gatewayUrl + "/api/v1/venues").then().statusCode(201).extract().asString());
        ids.put("venueId", venue.get("id").asText());
        ids.put("posterCode", venue.get("posterCode").asText());

        String authority = TestTokens.staff("authority-matrix-proposer", "authority", HERE);
        ids.put("caseId", given().auth().oauth2(authority).contentType(ContentType.JSON)
                .body(Map.of("subjectId", ids.get("subjectId"), "status", "SUSPECTED"))
                .post(gatewayUrl + "/api/v1/cases").then().statusCode(201).extract().path("id"));
        ids.put("overrideId", given().auth().oauth2(authority).contentType(ContentType.JSON)
                .body(Map.of("subjectId", ids.get("subjectId"), "colour", "GREEN", "justification", "matrix",
                        "until", platform.clock().instant().plus(Duration.ofDays(2)).toString()))
                .post(gatewayUrl + "/api/v1/overrides").then().statusCode(201).extract().path("id"));
        ids.put("clinicId", given().auth().oauth2(authority).contentType(ContentType.JSON)
                .body(Map.of("name", "Matrix clinic", "address", "3 Test Road", "regionCode", "330106",
                        "openingHours", "08:00-17:00", "telephone", "0571-1234567"))
                .post(gatewayUrl + "/api/v1/fever-clinics").then().statusCode(201).extract().path("id"));

        tokens.put("anonymous", null);
        tokens.put("no role", TestTokens.token("nobody-" + UUID.randomUUID(), List.of(), HERE));
        tokens.put("citizen", citizen);
        for (String role : STAFF) {
            tokens.put(role, TestTokens.staff(role + "-matrix", role, HERE));
            strangers.put(role, TestTokens.staff(role + "-elsewhere", role, ELSEWHERE));
        }
        // an organisation's staff (not among STAFF: they reach no one's data but their roster's), with a
        // pending organisation of the province for the authorities' queue
        tokens.put(ORGANISATION, TestTokens.staff("organisation-matrix", ORGANISATION, HERE));
        strangers.put(ORGANISATION, TestTokens.staff("organisation-elsewhere", ORGANISATION, ELSEWHERE));
        ids.put("organisationId", given().auth().oauth2(TestTokens.staff("organisation-matrix-owner", ORGANISATION, HERE))
                .contentType(ContentType.JSON).body(Map.of("uscc", OrganisationRosterIT.uscc("330106"), "name", "Matrix works"))
                .post(gatewayUrl + "/api/v1/organisations").then().statusCode(201).extract().path("id"));
        // a community worker of a residential community the resident named; their counterpart of another
        // province (whose token names the same venue) sees none of the province's residents
        ids.put("communityId", given().auth().oauth2(checkpoint).contentType(ContentType.JSON)
                .body(Map.of("name", "Matrix community", "type", "RESIDENTIAL_COMMUNITY", "regionCode", "330106",
                        "address", "4 Test Road"))
                .post(gatewayUrl + "/api/v1/venues").then().statusCode(201).extract().path("id"));
        given().auth().oauth2(citizen).contentType(ContentType.JSON).body(Map.of("venueId", ids.get("communityId")))
                .put(gatewayUrl + "/api/v1/me/community").then().statusCode(200);
        tokens.put(COMMUNITY, TestTokens.community("community-matrix", HERE, ids.get("communityId")));
        strangers.put(COMMUNITY, TestTokens.community("community-elsewhere", ELSEWHERE, ids.get("communityId")));
        tokens.put(PLATFORM, TestTokens.platform("gateway"));
        String other = TestTokens.citizen(Residents.account());
        given().auth().oauth2(other).contentType(ContentType.JSON)
                .body(Residents.registration(Residents.name(), Residents.idNumber(), Residents.phone()))
                .post(gatewayUrl + "/api/v1/me/registration").then().statusCode(201);
        strangers.put("citizen", other);
    }

    /** Every route of the platform and who it is for. */
    static List<Route> table() {
        Set<String> citizen = Set.of("citizen");
        Set<String> admin = Set.of("admin");
        Set<String> authority = Set.of("authority");
        Set<String> checkpoint = Set.of("checkpoint");
        Set<String> desk = Set.of("checkpoint", "authority");
        Set<String> tracers = Set.of("epidemiologist", "authority");
        Set<String> staff = Set.copyOf(STAFF);
        Set<String> platformOnly = Set.of(PLATFORM);
        Set<String> open = Set.of(PUBLIC);
        String declaration = "{\"travel\":[],\"contactWithCase\":false,\"symptoms\":[],\"temperature\":36.6}";
        String checkIn = "{\"symptoms\":[],\"temperature\":36.6}";
        String registration = "{\"name\":\"张三\",\"documentType\":\"PASSPORT\",\"documentNumber\":\"E12345678\","
                + "\"phone\":\"+85291234567\",\"regionCode\":\"330106\"}";
        String venue = "{\"name\":\"Matrix market\",\"type\":\"MARKET\",\"regionCode\":\"330106\",\"address\":\"2 Test Road\"}";
        String scan = "{\"token\":\"{codeToken}\",\"venueId\":\"{venueId}\",\"scanId\":\"{scanId}\"}";
        String idCard = "{\"documentType\":\"RESIDENT_ID\",\"documentNumber\":\"{idNumber}\",\"venueId\":\"{venueId}\","
                + "\"scanId\":\"{scanId}\"}";
        String caseOfResident = "{\"subjectId\":\"{subjectId}\",\"status\":\"SUSPECTED\"}";
        String override = "{\"subjectId\":\"{subjectId}\",\"colour\":\"GREEN\",\"justification\":\"matrix\","
                + "\"until\":\"{inTwoDays}\"}";
        String answer = "{\"decision\":\"REJECTED\",\"note\":\"matrix\"}";
        String note = "{\"note\":\"matrix\"}";
        String level = "{\"level\":\"LOW\"}";
        String clinic = "{\"name\":\"Matrix clinic\",\"address\":\"3 Test Road\",\"regionCode\":\"330106\","
                + "\"openingHours\":\"08:00-17:00\",\"telephone\":\"0571-1234567\"}";
        String venueCheckin = "{\"venueCode\":\"{posterCode}\",\"subjectId\":\"{subjectId}\",\"companions\":[],"
                + "\"checkinId\":\"{scanId}\"}";
        String subjectScan = "{\"subjectId\":\"{subjectId}\",\"venueId\":\"{venueId}\",\"scanId\":\"{scanId}\"}";
        String names = "{\"subjectIds\":[\"{subjectId}\"]}";
        String document = "{\"documentType\":\"RESIDENT_ID\",\"documentNumber\":\"{idNumber}\"}";
        String empty = "{}";
        String itineraries = CSV_HEADER + "documentNumber,regions,from,to\n";
        String manifests = CSV_HEADER + "documentNumber,mode,vehicle,departure,arrival,carriage,seat\n";
        String caseLists = CSV_HEADER + "documentNumber,status,reportedAt,onsetDate\n";
        String requirement = "{\"required\":true}"; // the matrix requires codes where they already are

        List<Route> routes = new ArrayList<>();
        // the gateway: the public API
        String g = "gateway";
        routes.add(new Route(g, "GET", "/.well-known/jwks.json", open, Stranger.NONE, null));
        routes.add(new Route(g, "GET", "/api/v1/trust-list", open, Stranger.NONE, null));
        // another province's federation request: no token, its signature is the credential (an empty
        // body is a 400 for everyone, token or not)
        routes.add(new Route(g, "POST", "/api/v1/federation/colour", open, Stranger.NONE, null));
        routes.add(new Route(g, "POST", "/api/v1/federation/contacts", open, Stranger.NONE, null));
        routes.add(new Route(g, "GET", "/.well-known/federation-jwks.json", open, Stranger.NONE, null));
        routes.add(new Route(g, "POST", "/api/v1/me/registration", citizen, Stranger.NONE, registration));
        routes.add(new Route(g, "GET", "/api/v1/me", citizen, Stranger.NONE, null));
        routes.add(new Route(g, "POST", "/api/v1/me/declarations", citizen, Stranger.NONE, declaration));
        routes.add(new Route(g, "POST", "/api/v1/me/checkins", citizen, Stranger.NONE, checkIn));
        for (String code : List.of("/code", "/code.png", "/code.svg", "/code/explanation")) {
            routes.add(new Route(g, "GET", "/api/v1/me" + code, citizen, Stranger.NONE, null));
            routes.add(new Route(g, "GET", "/api/v1/me/dependents/{id}" + code, citizen, Stranger.HIDDEN, null));
        }
        routes.add(new Route(g, "POST", "/api/v1/me/paper-code", citizen, Stranger.NONE, null));
        routes.add(new Route(g, "POST", "/api/v1/me/dependents/{id}/paper-code", citizen, Stranger.HIDDEN, null));
        routes.add(new Route(g, "POST", "/api/v1/me/appeals", citizen, Stranger.NONE, "{\"reason\":\"matrix\"}"));
        routes.add(new Route(g, "GET", "/api/v1/me/appeals", citizen, Stranger.NONE, null));
        routes.add(new Route(g, "POST", "/api/v1/me/venue-checkins", citizen, Stranger.NONE,
                "{\"venueCode\":\"{posterCode}\"}"));
        routes.add(new Route(g, "POST", "/api/v1/me/dependents", citizen, Stranger.NONE, empty));
        routes.add(new Route(g, "GET", "/api/v1/me/dependents", citizen, Stranger.NONE, null));
        routes.add(new Route(g, "GET", "/api/v1/me/dependents/{id}", citizen, Stranger.HIDDEN, null));
        routes.add(new Route(g, "POST", "/api/v1/me/dependents/{id}/declarations", citizen, Stranger.HIDDEN, declaration));
        routes.add(new Route(g, "POST", "/api/v1/me/dependents/{id}/checkins", citizen, Stranger.HIDDEN, checkIn));
        // a code travels: any province's checkpoint verifies it (see aCheckpointOfAnotherProvince...)
        routes.add(new Route(g, "POST", "/api/v1/codes/verify", desk, Stranger.NONE, "{\"token\":\"{codeToken}\"}"));
        routes.add(new Route(g, "POST", "/api/v1/venues", desk, Stranger.HIDDEN, venue));
        routes.add(new Route(g, "GET", "/api/v1/venues/{id}", desk, Stranger.HIDDEN, null));
        routes.add(new Route(g, "GET", "/api/v1/venues/{id}/poster.png", desk, Stranger.HIDDEN, null));
        routes.add(new Route(g, "GET", "/api/v1/code-requirements/{province}", desk, Stranger.HIDDEN, null));
        routes.add(new Route(g, "PUT", "/api/v1/code-requirements/{province}/{venueType}", authority, Stranger.HIDDEN,
                requirement));
        routes.add(new Route(g, "POST", "/api/v1/scans", checkpoint, Stranger.HIDDEN, scan));
        routes.add(new Route(g, "POST", "/api/v1/scans/id-card", checkpoint, Stranger.HIDDEN, idCard));
        routes.add(new Route(g, "POST", "/api/v1/cases", authority, Stranger.HIDDEN, caseOfResident));
        for (String read : List.of("", "/contacts", "/chain", "/contacts.csv")) {
            routes.add(new Route(g, "GET", "/api/v1/cases/{id}" + read, tracers, Stranger.HIDDEN, null));
        }
        // a region's risk is a fact about a place, set for the whole platform (a province marks where its
        // travellers must not have been), not data about a person
        routes.add(new Route(g, "PUT", "/api/v1/regions/{code}/risk", authority, Stranger.NONE, level));
        // an import file of no rows (400 IMPORT_EMPTY for the authority): into the caller's own province only
        routes.add(new Route(g, "POST", "/api/v1/authority/imports/itineraries", authority, Stranger.NONE, itineraries));
        routes.add(new Route(g, "POST", "/api/v1/authority/imports/manifests", authority, Stranger.NONE, manifests));
        routes.add(new Route(g, "POST", "/api/v1/authority/imports/cases", authority, Stranger.NONE, caseLists));
        routes.add(new Route(g, "GET", "/api/v1/regions/risk", Set.of(ANY), Stranger.NONE, null));
        // public information: the fever clinics (kept by each province's authority) and a region's figures
        routes.add(new Route(g, "GET", "/api/v1/fever-clinics", open, Stranger.NONE, null));
        routes.add(new Route(g, "POST", "/api/v1/fever-clinics", authority, Stranger.HIDDEN, clinic));
        routes.add(new Route(g, "PUT", "/api/v1/fever-clinics/{id}", authority, Stranger.HIDDEN, clinic));
        routes.add(new Route(g, "DELETE", "/api/v1/fever-clinics/{id}", authority, Stranger.HIDDEN, null));
        routes.add(new Route(g, "GET", "/api/v1/public/figures", open, Stranger.NONE, null));
        routes.add(new Route(g, "GET", "/api/v1/session", Set.of(ANY), Stranger.NONE, null));
        routes.add(new Route(g, "GET", "/api/v1/rule-sets", Set.of("authority", "admin"), Stranger.NONE, null));
        routes.add(new Route(g, "POST", "/api/v1/rule-sets/dry-run", authority, Stranger.NONE, empty));
        routes.add(new Route(g, "POST", "/api/v1/rule-sets", authority, Stranger.NONE, empty));
        routes.add(new Route(g, "POST", "/api/v1/overrides", authority, Stranger.HIDDEN, override));
        routes.add(new Route(g, "GET", "/api/v1/overrides", authority, Stranger.FILTERED, null));
        routes.add(new Route(g, "POST", "/api/v1/overrides/{id}/approve", authority, Stranger.HIDDEN, note));
        routes.add(new Route(g, "POST", "/api/v1/overrides/{id}/reject", authority, Stranger.HIDDEN, note));
        routes.add(new Route(g, "GET", "/api/v1/appeals", authority, Stranger.FILTERED, null));
        routes.add(new Route(g, "POST", "/api/v1/appeals/{id}/answer", authority, Stranger.HIDDEN, answer));
        routes.add(new Route(g, "GET", "/api/v1/audit", admin, Stranger.FILTERED, null));
        // organisations: the staff reach their own organisation only (none of another's to name)
        Set<String> organisation = Set.of(ORGANISATION);
        routes.add(new Route(g, "POST", "/api/v1/organisations", organisation, Stranger.NONE, empty));
        routes.add(new Route(g, "GET", "/api/v1/organisations/mine", organisation, Stranger.NONE, null));
        routes.add(new Route(g, "GET", "/api/v1/organisations/mine/roster", organisation, Stranger.NONE, null));
        routes.add(new Route(g, "GET", "/api/v1/organisations", authority, Stranger.FILTERED, null));
        routes.add(new Route(g, "POST", "/api/v1/organisations/{id}/approve", authority, Stranger.HIDDEN, null));
        routes.add(new Route(g, "POST", "/api/v1/me/organisations", citizen, Stranger.NONE, empty));
        routes.add(new Route(g, "GET", "/api/v1/me/organisations", citizen, Stranger.NONE, null));
        routes.add(new Route(g, "DELETE", "/api/v1/me/organisations/{organisationId}", citizen, Stranger.NONE, null));
        // communities: a resident names theirs (left first, so that the resident ends up named); its
        // workers read its residents, of their own province only
        Set<String> community = Set.of(COMMUNITY);
        String communityChoice = "{\"venueId\":\"{communityId}\"}";
        routes.add(new Route(g, "DELETE", "/api/v1/me/community", citizen, Stranger.NONE, null));
        routes.add(new Route(g, "PUT", "/api/v1/me/community", citizen, Stranger.NONE, communityChoice));
        routes.add(new Route(g, "GET", "/api/v1/me/community", citizen, Stranger.NONE, null));
        routes.add(new Route(g, "DELETE", "/api/v1/me/dependents/{id}/community", citizen, Stranger.HIDDEN, null));
        routes.add(new Route(g, "PUT", "/api/v1/me/dependents/{id}/community", citizen, Stranger.HIDDEN, communityChoice));
        routes.add(new Route(g, "GET", "/api/v1/me/dependents/{id}/community", citizen, Stranger.HIDDEN, null));
        routes.add(new Route(g, "GET", "/api/v1/community/{venueId}/residents", community, Stranger.FILTERED, null));
        routes.add(new Route(g, "GET", "/api/v1/community/{venueId}/residents.csv", community, Stranger.FILTERED, null));
        routes.add(new Route(g, "POST", "/api/v1/admin/purge", admin, Stranger.NONE, null));
        // platform-wide, like the purge: where and why, never a message's content or subject
        routes.add(new Route(g, "GET", "/api/v1/admin/dead-letters", admin, Stranger.NONE, null));
        routes.add(new Route(g, "POST", "/api/v1/admin/dead-letters/redrive", admin, Stranger.NONE, null));
        // ending the emergency and destroying need a confirmation: the matrix's empty body is refused (400)
        routes.add(new Route(g, "GET", "/api/v1/admin/emergency", admin, Stranger.NONE, null));
        routes.add(new Route(g, "POST", "/api/v1/admin/emergency/end", admin, Stranger.NONE, empty));
        routes.add(new Route(g, "POST", "/api/v1/admin/destruction", admin, Stranger.NONE, empty));

        // every data service keeps its own audit trail, retention and destruction (service kit)
        for (String service : List.of("declaration-service", "risk-scoring-service", "code-issuer-service",
                "scan-checkpoint-service", "contact-trace-service")) {
            routes.add(new Route(service, "GET", "/v1/audit", admin, Stranger.FILTERED, null));
            routes.add(new Route(service, "POST", "/v1/admin/purge", admin, Stranger.NONE, null));
            routes.add(new Route(service, "GET", "/v1/admin/dead-letters", admin, Stranger.NONE, null));
            routes.add(new Route(service, "POST", "/v1/admin/dead-letters/redrive", admin, Stranger.NONE, null));
            routes.add(new Route(service, "GET", "/v1/admin/emergency", admin, Stranger.NONE, null));
            routes.add(new Route(service, "POST", "/v1/admin/emergency/end", admin, Stranger.NONE, empty));
            routes.add(new Route(service, "POST", "/v1/admin/destruction", admin, Stranger.NONE, empty));
            routes.add(new Route(service, "POST", "/v1/admin/destruction/topics", admin, Stranger.NONE, empty));
        }

        String d = "declaration-service";
        routes.add(new Route(d, "POST", "/v1/persons/me/registration", citizen, Stranger.NONE, registration));
        routes.add(new Route(d, "GET", "/v1/persons/me", citizen, Stranger.NONE, null));
        routes.add(new Route(d, "POST", "/v1/persons/me/declarations", citizen, Stranger.NONE, declaration));
        routes.add(new Route(d, "POST", "/v1/persons/me/checkins", citizen, Stranger.NONE, checkIn));
        routes.add(new Route(d, "POST", "/v1/persons/me/dependents", citizen, Stranger.NONE, empty));
        routes.add(new Route(d, "GET", "/v1/persons/me/dependents", citizen, Stranger.NONE, null));
        routes.add(new Route(d, "GET", "/v1/persons/me/dependents/{id}", citizen, Stranger.HIDDEN, null));
        routes.add(new Route(d, "POST", "/v1/persons/me/dependents/{id}/declarations", citizen, Stranger.HIDDEN, declaration));
        routes.add(new Route(d, "POST", "/v1/persons/me/dependents/{id}/checkins", citizen, Stranger.HIDDEN, checkIn));
        routes.add(new Route(d, "POST", "/v1/persons/me/appeals", citizen, Stranger.NONE, "{\"reason\":\"matrix\"}"));
        routes.add(new Route(d, "GET", "/v1/persons/me/appeals", citizen, Stranger.NONE, null));
        routes.add(new Route(d, "GET", "/v1/appeals", authority, Stranger.FILTERED, null));
        routes.add(new Route(d, "POST", "/v1/appeals/{id}/answer", authority, Stranger.HIDDEN, answer));
        routes.add(new Route(d, "GET", "/v1/subjects/{subjectId}/masked-name", staff, Stranger.HIDDEN, null));
        routes.add(new Route(d, "GET", "/v1/subjects/{subjectId}/jurisdiction", staff, Stranger.HIDDEN, null));
        routes.add(new Route(d, "POST", "/v1/subjects/masked-names", staff, Stranger.FILTERED, names));
        routes.add(new Route(d, "POST", "/v1/subjects/resolve", desk, Stranger.HIDDEN, document));
        routes.add(new Route(d, "POST", "/v1/imports/itineraries", authority, Stranger.NONE, itineraries));
        routes.add(new Route(d, "POST", "/v1/imports/manifests", authority, Stranger.NONE, manifests));
        routes.add(new Route(d, "POST", "/v1/imports/cases", authority, Stranger.NONE, caseLists));
        routes.add(new Route(d, "POST", "/v1/organisations", organisation, Stranger.NONE, empty));
        routes.add(new Route(d, "GET", "/v1/organisations/mine", organisation, Stranger.NONE, null));
        routes.add(new Route(d, "GET", "/v1/organisations/mine/roster", organisation, Stranger.NONE, null));
        routes.add(new Route(d, "GET", "/v1/organisations", authority, Stranger.FILTERED, null));
        routes.add(new Route(d, "POST", "/v1/organisations/{id}/approve", authority, Stranger.HIDDEN, null));
        routes.add(new Route(d, "POST", "/v1/persons/me/organisations", citizen, Stranger.NONE, empty));
        routes.add(new Route(d, "GET", "/v1/persons/me/organisations", citizen, Stranger.NONE, null));
        routes.add(new Route(d, "DELETE", "/v1/persons/me/organisations/{organisationId}", citizen, Stranger.NONE, null));
        routes.add(new Route(d, "DELETE", "/v1/persons/me/community", citizen, Stranger.NONE, null));
        routes.add(new Route(d, "PUT", "/v1/persons/me/community", citizen, Stranger.NONE, communityChoice));
        routes.add(new Route(d, "GET", "/v1/persons/me/community", citizen, Stranger.NONE, null));
        routes.add(new Route(d, "DELETE", "/v1/persons/me/dependents/{dependentId}/community", citizen, Stranger.HIDDEN, null));
        routes.add(new Route(d, "PUT", "/v1/persons/me/dependents/{dependentId}/community", citizen, Stranger.HIDDEN,
                communityChoice));
        routes.add(new Route(d, "GET", "/v1/persons/me/dependents/{dependentId}/community", citizen, Stranger.HIDDEN, null));
        routes.add(new Route(d, "GET", "/v1/communities/{venueId}/residents", community, Stranger.FILTERED, null));

        String r = "risk-scoring-service";
        routes.add(new Route(r, "GET", "/v1/subjects/{subjectId}/explanation", platformOnly, Stranger.NONE, null));
        routes.add(new Route(r, "GET", "/v1/subjects/{subjectId}/risk", Set.of("authority", "admin"), Stranger.HIDDEN, null));
        routes.add(new Route(r, "PUT", "/v1/regions/{code}/risk", authority, Stranger.NONE, level));
        routes.add(new Route(r, "GET", "/v1/regions/risk", Set.of(ANY), Stranger.NONE, null));
        routes.add(new Route(r, "GET", "/v1/fever-clinics", open, Stranger.NONE, null));
        routes.add(new Route(r, "POST", "/v1/fever-clinics", authority, Stranger.HIDDEN, clinic));
        routes.add(new Route(r, "PUT", "/v1/fever-clinics/{id}", authority, Stranger.HIDDEN, clinic));
        routes.add(new Route(r, "DELETE", "/v1/fever-clinics/{id}", authority, Stranger.HIDDEN, null));
        routes.add(new Route(r, "GET", "/v1/public/figures", open, Stranger.NONE, null));
        routes.add(new Route(r, "GET", "/v1/rule-sets", Set.of("authority", "admin"), Stranger.NONE, null));
        routes.add(new Route(r, "POST", "/v1/rule-sets/dry-run", authority, Stranger.NONE, empty));
        routes.add(new Route(r, "POST", "/v1/rule-sets", authority, Stranger.NONE, empty));
        routes.add(new Route(r, "POST", "/v1/overrides", authority, Stranger.HIDDEN, override));
        routes.add(new Route(r, "GET", "/v1/overrides", authority, Stranger.FILTERED, null));
        routes.add(new Route(r, "POST", "/v1/overrides/{id}/approve", authority, Stranger.HIDDEN, note));
        routes.add(new Route(r, "POST", "/v1/overrides/{id}/reject", authority, Stranger.HIDDEN, note));

        String c = "code-issuer-service";
        for (String code : List.of("/code", "/code.png", "/code.svg")) {
            routes.add(new Route(c, "GET", "/v1/subjects/{subjectId}" + code, platformOnly, Stranger.NONE, null));
        }
        routes.add(new Route(c, "POST", "/v1/subjects/{subjectId}/paper-code", platformOnly, Stranger.NONE, null));
        routes.add(new Route(c, "POST", "/v1/codes/verify", desk, Stranger.NONE, "{\"token\":\"{codeToken}\"}"));
        routes.add(new Route(c, "POST", "/v1/colours", platformOnly, Stranger.NONE, names));
        routes.add(new Route(c, "GET", "/.well-known/jwks.json", open, Stranger.NONE, null));

        String s = "scan-checkpoint-service";
        routes.add(new Route(s, "POST", "/v1/scans", checkpoint, Stranger.HIDDEN, scan));
        routes.add(new Route(s, "POST", "/v1/scans/subject", platformOnly, Stranger.NONE, subjectScan));
        routes.add(new Route(s, "POST", "/v1/venue-checkins", platformOnly, Stranger.NONE, venueCheckin));
        routes.add(new Route(s, "POST", "/v1/venues", desk, Stranger.HIDDEN, venue));
        routes.add(new Route(s, "GET", "/v1/venues/{id}", desk, Stranger.HIDDEN, null));
        routes.add(new Route(s, "GET", "/v1/venues/{id}/poster.png", desk, Stranger.HIDDEN, null));
        routes.add(new Route(s, "GET", "/v1/venues/{id}/place", citizen, Stranger.NONE, null));
        routes.add(new Route(s, "GET", "/v1/code-requirements/{province}", desk, Stranger.HIDDEN, null));
        routes.add(new Route(s, "PUT", "/v1/code-requirements/{province}/{venueType}", authority, Stranger.HIDDEN,
                requirement));
        routes.add(new Route(s, "GET", "/trust-list", open, Stranger.NONE, null));
        routes.add(new Route(s, "POST", "/v1/federation/colour", open, Stranger.NONE, null));
        routes.add(new Route(s, "POST", "/v1/federation/contacts", open, Stranger.NONE, null));
        routes.add(new Route(s, "GET", "/.well-known/federation-jwks.json", open, Stranger.NONE, null));

        String t = "contact-trace-service";
        routes.add(new Route(t, "POST", "/v1/cases", authority, Stranger.HIDDEN, caseOfResident));
        for (String read : List.of("", "/contacts", "/chain")) {
            routes.add(new Route(t, "GET", "/v1/cases/{id}" + read, tracers, Stranger.HIDDEN, null));
        }
        return routes;
    }

    @Test
    void theTableNamesEveryRouteOfEveryProcessAndNoOther() throws IOException {
        Set<String> served = new TreeSet<>();
        for (ServiceProcess process : platform.processes()) {
            JsonNode openapi = JSON.readTree(given().accept("application/json")
                    .get(process.baseUrl() + "/q/openapi?format=json").then().statusCode(200).extract().asString());
            for (Iterator<Map.Entry<String, JsonNode>> paths = openapi.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                    String method = methods.next().toUpperCase(Locale.ROOT);
                    if (Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                        served.add(process.name() + " " + method + " " + path.getKey());
                    }
                }
            }
        }
        Set<String> reviewed = new TreeSet<>();
        table().forEach(route -> reviewed.add(route.key()));
        Set<String> unreviewed = new TreeSet<>(served);
        unreviewed.removeAll(reviewed);
        Set<String> gone = new TreeSet<>(reviewed);
        gone.removeAll(served);
        assertEquals(Set.of(), unreviewed, "routes nobody said who may call: add them to the table");
        assertEquals(Set.of(), gone, "routes in the table that no process serves");
        assertTrue(served.size() > 90, "every process listed its routes: " + served.size());
    }

    @Test
    void everyCallerGetsExactlyTheDoorsTheTableOpensForThem() {
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Route route : table()) {
            for (Map.Entry<String, String> caller : tokens.entrySet()) {
                String who = caller.getKey();
                boolean allowed = route.roles().contains(PUBLIC)
                        || (route.roles().contains(ANY) && caller.getValue() != null)
                        || route.roles().contains(who);
                Response answer = call(route, caller.getValue(), who);
                calls++;
                int status = answer.statusCode();
                if (allowed && (status == 401 || status == 403 || status >= 500)) {
                    wrong.add(route.key() + " as " + who + ": " + status + " " + brief(answer) + " (expected through)");
                } else if (!allowed && status != (caller.getValue() == null ? 401 : 403)) {
                    wrong.add(route.key() + " as " + who + ": " + status + " " + brief(answer)
                            + " (expected " + (caller.getValue() == null ? 401 : 403) + ")");
                }
            }
        }
        assertEquals(List.of(), wrong, "of " + calls + " calls");
    }

    @Test
    void strangersReachNothingOfTheProvincesPeople() {
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Route route : table()) {
            if (route.stranger() == Stranger.NONE) {
                continue;
            }
            for (String role : route.roles()) {
                String stranger = strangers.get(role);
                if (stranger == null) {
                    continue;
                }
                Response answer = call(route, stranger, role + " elsewhere");
                calls++;
                int status = answer.statusCode();
                String body = answer.asString();
                boolean names = body.contains(ids.get("caseId")) || body.contains(ids.get("overrideId"))
                        || body.contains(ids.get("appealId")) || body.contains(ids.get("maskedName"))
                        || body.contains(ids.get("dependentId")) || body.contains("\"province\":\"" + HERE + "\"");
                boolean leaks = names || (route.stranger() == Stranger.HIDDEN && body.contains(ids.get("subjectId")));
                boolean right = switch (route.stranger()) {
                    case HIDDEN -> (status == 403 || status == 404) && !leaks;
                    case FILTERED -> status >= 200 && status < 300 && !leaks;
                    case NONE -> true;
                };
                if (!right) {
                    wrong.add(route.key() + " as " + role + " of another province/person: " + status + " "
                            + brief(answer) + (leaks ? " (names the province's data)" : ""));
                }
            }
        }
        assertEquals(List.of(), wrong, "of " + calls + " calls");
        assertTrue(calls > 40, "strangers tried " + calls + " doors");
    }

    /**
     * An authority of Shanghai confirms a case about a Zhejiang resident, named by document: refused
     * at declaration-service (the document's person is another province's), and no case exists
     * anywhere afterwards; asked straight at contact-trace by subjectId, refused there too.
     */
    @Test
    void anAuthorityOfAnotherProvinceRecordsNoCaseAboutAResidentHere() throws Exception {
        String shanghai = strangers.get("authority");
        given().auth().oauth2(shanghai).contentType(ContentType.JSON)
                .body(Map.of("documentType", "RESIDENT_ID", "documentNumber", ids.get("idNumber"), "status", "CONFIRMED"))
                .post(platform.gatewayUrl() + "/api/v1/cases").then().statusCode(403);
        given().auth().oauth2(shanghai).contentType(ContentType.JSON)
                .body(Map.of("subjectId", ids.get("subjectId"), "status", "CONFIRMED"))
                .post(platform.serviceUrl("contact-trace-service") + "/v1/cases").then().statusCode(403);
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(platform.jdbcUrl(), "postgres", "");
                java.sql.PreparedStatement cases = db.prepareStatement(
                        "select count(*) from contact_trace.trace_case where subject_id = ? and province = ?")) {
            cases.setString(1, ids.get("subjectId"));
            cases.setString(2, ELSEWHERE);
            try (java.sql.ResultSet count = cases.executeQuery()) {
                count.next();
                assertEquals(0, count.getInt(1), "a Shanghai case about the Zhejiang resident");
            }
        }
    }

    /** A code travels the country: a checkpoint of another province verifies it, but learns no name. */
    @Test
    void aCheckpointOfAnotherProvinceVerifiesTheCodeButLearnsNoName() {
        Response answer = given().auth().oauth2(strangers.get("checkpoint")).contentType(ContentType.JSON)
                .body(Map.of("token", ids.get("codeToken"))).post(platform.gatewayUrl() + "/api/v1/codes/verify");
        assertEquals(200, answer.statusCode(), answer.asString());
        assertEquals(Boolean.TRUE, answer.<Boolean>path("valid"));
        assertEquals((String) null, answer.<String>path("maskedName"), "a masked name for staff of another province");
        Response home = given().auth().oauth2(tokens.get("checkpoint")).contentType(ContentType.JSON)
                .body(Map.of("token", ids.get("codeToken"))).post(platform.gatewayUrl() + "/api/v1/codes/verify");
        assertEquals(ids.get("maskedName"), home.<String>path("maskedName"), "the province's own checkpoint sees it");
    }

    /** No service port answers from outside the machine: each process listens on loopback only. */
    @Test
    void everyProcessListensOnLoopbackOnly() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("/proc/net/tcp")));
        if (Files.exists(Path.of("/proc/net/tcp6"))) {
            lines.addAll(Files.readAllLines(Path.of("/proc/net/tcp6")));
        }
        for (ServiceProcess process : platform.processes()) {
            String port = String.format(":%04X", process.port());
            List<String> listening = lines.stream().map(String::trim).map(line -> line.split("\\s+"))
                    .filter(f -> f.length > 3 && f[1].endsWith(port) && f[3].equals("0A")).map(f -> f[1]).toList();
            assertTrue(!listening.isEmpty(), process.name() + " listens on " + port);
            for (String address : listening) {
                String host = address.substring(0, address.indexOf(':'));
                // 127.0.0.1, ::1, or 127.0.0.1 mapped into IPv6
                assertTrue(host.equals("0100007F") || host.equals("00000000000000000000000001000000")
                        || host.equals("0000000000000000FFFF00000100007F"),
                        process.name() + " listens on " + address + ", not loopback only");
            }
        }
    }

    private static Response call(Route route, String token, String who) {
        String base = platform.serviceUrl(route.service());
        String path = route.path().replace("{subjectId}", ids.get("subjectId")).replace("{code}", "330106")
                .replace("{province}", HERE).replace("{venueType}", "PARK").replace("{id}", idFor(route.path()))
                .replace("{organisationId}", ids.get("organisationId")).replace("{venueId}", ids.get("communityId"))
                .replace("{dependentId}", ids.get("dependentId"));
        Supplier<Response> send = () -> {
            RequestSpecification request = given().redirects().follow(false);
            if (token != null) {
                request.auth().oauth2(token);
            }
            if (PLATFORM.equals(who)) {
                request.header(ON_BEHALF_OF, route.path().contains("venue-checkins") ? ids.get("account")
                        : "checkpoint-matrix").header(ON_BEHALF_OF_PROVINCE, HERE);
            }
            if (route.body() != null && route.body().startsWith(CSV_HEADER)) {
                request.contentType("text/csv").body(route.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else if (route.body() != null) {
                request.contentType(ContentType.JSON).body(fill(route.body()));
            }
            return request.request(route.method(), base + path);
        };
        Response answer = send.get();
        for (int i = 0; i < 20 && answer.statusCode() == 429; i++) {
            pause(1100); // the gateway's rate limit per caller: wait for the bucket to refill
            answer = send.get();
        }
        return answer;
    }

    private static String idFor(String path) {
        if (path.contains("/dependents/")) {
            return ids.get("dependentId");
        } else if (path.contains("/venues/")) {
            return ids.get("venueId");
        } else if (path.contains("/cases/")) {
            return ids.get("caseId");
        } else if (path.contains("/overrides/")) {
            return ids.get("overrideId");
        } else if (path.contains("/appeals/")) {
            return ids.get("appealId");
        } else if (path.contains("/organisations/")) {
            return ids.get("organisationId");
        } else if (path.contains("/fever-clinics/")) {
            return ids.get("clinicId");
        }
        return "none";
    }

    private static String fill(String body) {
        return body.replace("{subjectId}", ids.get("subjectId")).replace("{idNumber}", ids.get("idNumber"))
                .replace("{venueId}", ids.get("venueId")).replace("{posterCode}", ids.get("posterCode"))
                .replace("{communityId}", ids.get("communityId"))
                .replace("{codeToken}", ids.get("codeToken")).replace("{scanId}", "m-" + UUID.randomUUID())
                .replace("{inTwoDays}", platform.clock().instant().plus(Duration.ofDays(2)).toString());
    }

    private static String brief(Response answer) {
        String type = answer.contentType();
        if (type == null || !type.contains("json")) {
            return type == null ? "" : type;
        }
        String body = answer.asString();
        return body.length() > 160 ? body.substring(0, 160) + "…" : body;
    }

    private static String awaitCode(String citizen) {
        for (int i = 0; i < 100; i++) {
            Response code = given().auth().oauth2(citizen).get(platform.gatewayUrl() + "/api/v1/me/code");
            if (code.statusCode() == 200) {
                return code.path("token");
            }
            pause(200);
        }
        return fail("the resident never got a code");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
