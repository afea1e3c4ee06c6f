package org.healthcode.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.healthcode.gateway.StandIn.Answer;

/**
 * The five services as their internal APIs (each service's README) describe them, for
 * the calls the gateway makes. Citizens whose {@code sub} starts with "newcomer" have not
 * registered; a citizen's one dependent has the id "dependent-of-" + sub; a code token "valid:" +
 * subjectId verifies (and scans ALLOW), "red:" + subjectId scans DENY COLOUR_RED, any other is
 * forged. Documents whose number starts with "UNREG" resolve to a subject nobody registered, "BAD"
 * ones are refused. Case {@link #CASE_ELSEWHERE} is another province's, {@link #CASE_UNKNOWN} does
 * not exist, {@link #COLOURLESS} has no code yet, {@link #CASE_LARGE} has {@link #LARGE_CASE_CONTACTS} contacts ({@link #CASE_CUT_SHORT}
 * too, but only its first page is ever answered), any other three.
 */
public class ServiceStandIns implements QuarkusTestResourceLifecycleManager {

    static final String UNKNOWN_SUBJECT = "UnknownToDeclaration00";
    /** A registered citizen whose colour code-issuer does not know (yet, or any more). */
    static final String COLOURLESS = "citizen-colourless";
    /** Every byte value, after the PNG signature: any re-encoding on the way would show. */
    static final byte[] PNG = png();
    static final String JWK = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
            + "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\",\"kid\":\"k1\",\"alg\":\"ES256\",\"use\":\"sig\"}";
    static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 29 29\"><path d=\"M0 0h7v7H0z\"/></svg>";

    static final String CASE_ELSEWHERE = "7a0c2f4e-0000-4000-8000-000000000310";
    static final String CASE_UNKNOWN = "7a0c2f4e-0000-4000-8000-000000000404";
    static final String CASE_LARGE = "7a0c2f4e-0000-4000-8000-000000001203";
    static final int LARGE_CASE_CONTACTS = 1203;
    /** As large, but contact-trace fails from its second page on. */
    static final String CASE_CUT_SHORT = "7a0c2f4e-0000-4000-8000-000000000500";
    static final String APPEAL = "5a1e2b3c-0000-4000-8000-00000000a991";
    static final String OVERRIDE = "5a1e2b3c-0000-4000-8000-00000000b992";
    /** The one service whose destruction fails, to show the admin a partial outcome. */
    static volatile String downForDestruction = "";
    /** The one service where the emergency goes on, to show the admin that destruction waits for it. */
    static volatile String stillInEmergency = "";
    static final String VENUE = "0b5c3f0e-8d1f-4a52-9a55-3c8e2c1f7a10";
    static final String OVERLAP_FROM = "2026-11-20T02:00:00Z";
    static final String OVERLAP_TO = "2026-11-20T02:30:00Z";

    private static final ObjectMapper JSON = new ObjectMapper();

    static StandIn declaration;
    static StandIn codeIssuer;
    static StandIn riskScoring;
    static StandIn scanCheckpoint;
    static StandIn contactTrace;

    @Override
    public Map<String, String> start() {
        declaration = new StandIn("declaration-service")
                .on("POST", "/v1/persons/me/registration", (call, path) -> Answer.json(201, profile(call.subject())))
                .on("GET", "/v1/persons/me", (call, path) -> registered(call.subject())
                        ? Answer.json(200, profile(call.subject())) : Answer.error(404, "NOT_REGISTERED"))
                .on("POST", "/v1/persons/me/(declarations|checkins)", (call, path) -> declared(call.subject()))
                .on("POST", "/v1/persons/me/dependents", (call, path) ->
                        Answer.json(201, dependent("dependent-of-" + call.subject())))
                .on("GET", "/v1/persons/me/dependents", (call, path) ->
                        Answer.json(200, "{\"items\":[" + dependent("dependent-of-" + call.subject()) + "]}"))
                .on("GET", "/v1/persons/me/dependents/([^/]+)", (call, path) -> ownDependent(call, path.group(1))
                        ? Answer.json(200, dependent(path.group(1))) : Answer.error(404, "DEPENDENT_NOT_FOUND"))
                .on("POST", "/v1/persons/me/dependents/([^/]+)/(declarations|checkins)", (call, path) ->
                        ownDependent(call, path.group(1)) ? declared(path.group(1))
                                : Answer.error(404, "DEPENDENT_NOT_FOUND"))
                .on("GET", "/v1/subjects/([^/]+)/masked-name", (call, path) -> path.group(1).equals(UNKNOWN_SUBJECT)
                        ? Answer.error(404, "SUBJECT_NOT_FOUND")
                        : Answer.json(200, "{\"subjectId\":\"" + path.group(1) + "\",\"maskedName\":\"张*三\"}"))
                .on("POST", "/v1/subjects/masked-names", (call, path) -> maskedNames(call.json()))
                .on("POST", "/v1/subjects/resolve", (call, path) -> resolution(call.json()))
                .on("POST", "/v1/persons/me/appeals", (call, path) -> Answer.json(201, appeal("OPEN", call.subject())))
                .on("GET", "/v1/persons/me/appeals", (call, path) ->
                        Answer.json(200, "{\"items\":[" + appeal("OPEN", call.subject()) + "]}"))
                .on("GET", "/v1/appeals", (call, path) ->
                        Answer.json(200, "{\"items\":[" + appeal("OPEN", "someone") + "]}"))
                .on("POST", "/v1/appeals/([^/]+)/answer", (call, path) -> call.json().has("override")
                        ? Answer.error(400, "VALIDATION_FAILED")
                        : Answer.json(200, appeal(call.field("decision"), "someone")));

        scanCheckpoint = new StandIn("scan-checkpoint-service")
                .on("POST", "/v1/venues", (call, path) -> Answer.json(201, venue(call.json())))
                .on("GET", "/v1/venues/([^/]+)", (call, path) -> path.group(1).equals(VENUE)
                        ? Answer.json(200, venue(JSON.createObjectNode().put("name", "西湖银泰").put("type", "MALL")))
                        : Answer.error(404, "VENUE_NOT_FOUND"))
                .on("GET", "/v1/venues/([^/]+)/poster.png", (call, path) -> path.group(1).equals(VENUE)
                        ? new Answer(200, "image/png", PNG) : Answer.error(404, "VENUE_NOT_FOUND"))
                .on("POST", "/v1/scans", (call, path) -> Answer.json(200, scanDecision(call.json())))
                .on("POST", "/v1/scans/subject", (call, path) -> Answer.json(200, decision(call.json().path("scanId").asText(),
                        "ALLOW", null, "GREEN", call.json().path("subjectId").asText())))
                .on("POST", "/v1/venue-checkins", (call, path) -> Answer.json(200, venueCheckin(call.json())))
                .on("GET", "/trust-list", (call, path) -> Answer.json(200, "{\"330000\":{\"keys\":[" + JWK + "]},"
                        + "\"310000\":{\"keys\":[]}}"))
                .on("POST", "/v1/federation/colour", (call, path) -> call.body().startsWith("eyJ")
                        ? Answer.json(200, "{\"colour\":\"GREEN\",\"gold\":false,\"asOf\":\"2026-12-06T00:00:00Z\"}")
                        : Answer.error(400, "FEDERATION_MALFORMED"))
                .on("POST", "/v1/federation/contacts", (call, path) -> call.body().startsWith("eyJ")
                        ? Answer.json(200, "{\"findingId\":\"f-1\",\"status\":\"ACCEPTED\"}")
                        : Answer.error(400, "FEDERATION_MALFORMED"))
                .on("GET", "/.well-known/federation-jwks.json", (call, path) -> Answer.json(200, "{\"keys\":[]}"));

        contactTrace = new StandIn("contact-trace-service")
                .on("POST", "/v1/cases", (call, path) -> Answer.json(201, "{\"id\":\"" + CASE_LARGE + "\",\"subjectId\":\""
                        + call.field("subjectId") + "\",\"status\":\"" + call.field("status") + "\"}"))
                .on("GET", "/v1/cases/([^/]+)", (call, path) -> caseRefusal(path.group(1)) != null
                        ? caseRefusal(path.group(1)) : Answer.json(200, "{\"id\":\"" + path.group(1)
                        + "\",\"subjectId\":\"" + subjectOf("case") + "\",\"status\":\"CONFIRMED\"}"))
                .on("GET", "/v1/cases/([^/]+)/contacts", (call, path) -> caseRefusal(path.group(1)) != null
                        ? caseRefusal(path.group(1)) : contacts(path.group(1), call))
                .on("GET", "/v1/cases/([^/]+)/chain", (call, path) -> caseRefusal(path.group(1)) != null
                        ? caseRefusal(path.group(1)) : Answer.json(200, chain()));

        codeIssuer = new StandIn("code-issuer-service")
                .on("GET", "/v1/subjects/([^/]+)/code", (call, path) -> path.group(1).equals(subjectOf(COLOURLESS))
                        ? Answer.json(404, "{\"error\":\"NO_COLOUR_YET\",\"message\":\"No colour has been computed "
                                + "for this subject yet\",\"details\":[]}")
                        : Answer.json(200, code(path.group(1))))
                .on("GET", "/v1/subjects/([^/]+)/code.png", (call, path) -> new Answer(200, "image/png", PNG))
                .on("GET", "/v1/subjects/([^/]+)/code.svg", (call, path) ->
                        new Answer(200, "image/svg+xml", SVG.getBytes(StandardCharsets.UTF_8)))
                .on("POST", "/v1/codes/verify", (call, path) -> verdict(call.field("token")))
                .on("GET", "/.well-known/jwks.json", (call, path) -> Answer.json(200, "{\"keys\":[" + JWK + "]}"));

        riskScoring = new StandIn("risk-scoring-service")
                .on("PUT", "/v1/regions/([^/]+)/risk", (call, path) -> Answer.json(200, "{\"regionCode\":\""
                        + path.group(1) + "\",\"level\":\"" + call.field("level") + "\",\"updatedAt\":\"2026-11-22T03:15:00Z\"}"))
                .on("GET", "/v1/fever-clinics", (call, path) -> Answer.json(200, "{\"items\":[]}"))
                .on("POST", "/v1/fever-clinics", (call, path) -> Answer.json(201, "{\"id\":\"" + OVERRIDE
                        + "\",\"regionCode\":\"" + call.field("regionCode") + "\"}"))
                .on("GET", "/v1/public/figures", (call, path) -> Answer.json(200, "{\"regionCode\":\""
                        + call.query("region") + "\",\"riskLevel\":\"LOW\"}"))
                .on("GET", "/v1/regions/risk", (call, path) -> Answer.json(200,
                        "{\"items\":[{\"regionCode\":\"420106\",\"level\":\"HIGH\",\"updatedAt\":\"2026-11-22T03:15:00Z\"}]}"))
                .on("GET", "/v1/subjects/([^/]+)/explanation", (call, path) -> Answer.json(200,
                        "{\"subjectId\":\"" + path.group(1) + "\",\"colour\":\"GREEN\",\"reasons\":[]}"))
                .on("POST", "/v1/overrides", (call, path) -> Answer.json(201, "{\"id\":\"" + OVERRIDE
                        + "\",\"subjectId\":\"" + call.field("subjectId") + "\",\"status\":\"PROPOSED\"}"))
                .on("GET", "/v1/overrides", (call, path) -> Answer.json(200, "[]"))
                .on("POST", "/v1/overrides/([^/]+)/(approve|reject)", (call, path) -> call.subject().equals("proposer")
                        ? Answer.error(403, "SELF_APPROVAL") : Answer.json(200, "{\"status\":\"APPROVED\"}"))
                .on("GET", "/v1/rule-sets", (call, path) -> Answer.json(200, "[]"))
                .on("POST", "/v1/rule-sets", (call, path) -> Answer.json(201, "{\"version\":2}"))
                .on("POST", "/v1/rule-sets/dry-run", (call, path) -> Answer.json(200, "{\"changes\":[]}"));

        for (StandIn service : List.of(declaration, scanCheckpoint, contactTrace, codeIssuer, riskScoring)) {
            governed(service);
        }

        return Map.of(
                "quarkus.rest-client.declaration.url", declaration.url(),
                "quarkus.rest-client.code-issuer.url", codeIssuer.url(),
                "quarkus.rest-client.risk-scoring.url", riskScoring.url(),
                "quarkus.rest-client.scan-checkpoint.url", scanCheckpoint.url(),
                "quarkus.rest-client.contact-trace.url", contactTrace.url(),
                // small enough for a test to run out of, large enough for every other test's calls
                "gateway.rate-limit.burst", "10",
                "gateway.rate-limit.per-second", "1");
    }

    @Override
    public void stop() {
        declaration.stop();
        codeIssuer.stop();
        riskScoring.stop();
        scanCheckpoint.stop();
        contactTrace.stop();
    }

    /**
     * The kit's admin calls, answered alike by every service: one audit entry at a time set by the
     * service's position, a purge and a destruction report naming the service.
     */
    private static void governed(StandIn service) {
        String name = service.name();
        service.on("GET", "/v1/audit", (call, path) -> Answer.json(200, "[{\"at\":\"2026-11-22T03:15:0"
                        + (name.length() % 10) + "Z\",\"actor\":\"staff-1\",\"action\":\"READ_BY_" + name + "\"}]"))
                .on("POST", "/v1/admin/purge", (call, path) -> Answer.json(200, "{\"service\":\"" + name
                        + "\",\"action\":\"PURGE\",\"tables\":[{\"table\":\"t\",\"rows\":1}]}"))
                .on("POST", "/v1/admin/destruction", (call, path) -> name.equals(downForDestruction)
                        ? Answer.error(500, "INTERNAL")
                        : Answer.json(200, "{\"service\":\"" + name
                        + "\",\"action\":\"DESTRUCTION\",\"tables\":[{\"table\":\"t\",\"rows\":2}]}"))
                .on("GET", "/v1/admin/emergency", (call, path) -> Answer.json(200, name.equals(stillInEmergency)
                        ? "{\"service\":\"" + name + "\",\"ended\":false,\"endedAt\":null,\"endedBy\":null}"
                        : "{\"service\":\"" + name + "\",\"ended\":true,\"endedAt\":\"2026-12-06T08:00:00Z\","
                        + "\"endedBy\":\"admin-1\"}"))
                .on("POST", "/v1/admin/emergency/end", (call, path) -> Answer.json(200, "{\"service\":\"" + name
                        + "\",\"ended\":true,\"endedAt\":\"2026-12-06T08:00:00Z\",\"endedBy\":\"admin-1\"}"))
                .on("POST", "/v1/admin/destruction/topics", (call, path) -> Answer.json(200, "{\"service\":\"" + name
                        + "\",\"topics\":[{\"topic\":\"declaration-submitted\",\"removed\":2450,\"empty\":true}],"
                        + "\"empty\":true}"));
    }

    private static String appeal(String status, String owner) {
        return "{\"id\":\"" + APPEAL + "\",\"subjectId\":\"" + subjectOf(owner) + "\",\"status\":\"" + status
                + "\",\"reason\":\"x\"}";
    }

    /** The stand-in's pseudonym for an account or a dependent: 22 characters, as the real one. */
    static String subjectOf(String owner) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(owner.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stand-in's masked name of a known subject. */
    static String maskedNameOf(String subjectId) {
        return "张*" + subjectId.substring(0, 2);
    }

    /** The subject the stand-in resolves a document to. */
    static String subjectOfDocument(String documentType, String documentNumber) {
        return subjectOf(documentType + ":" + documentNumber);
    }

    /** The i-th contact of a case. */
    static String contactOf(int i) {
        return subjectOf("contact-" + i);
    }

    private static Answer maskedNames(JsonNode request) {
        JsonNode ids = request.path("subjectIds");
        if (!ids.isArray() || ids.isEmpty() || ids.size() > 500) {
            return Answer.json(400, "{\"error\":\"VALIDATION_FAILED\",\"message\":\"The request has invalid fields\","
                    + "\"details\":[{\"field\":\"subjectIds\",\"problem\":\"must list 1 to 500 subjectIds\"}]}");
        }
        ArrayNode items = JSON.createArrayNode();
        for (JsonNode id : ids) {
            if (!id.asText().equals(UNKNOWN_SUBJECT)) {
                items.addObject().put("subjectId", id.asText()).put("maskedName", maskedNameOf(id.asText()));
            }
        }
        return Answer.json(200, JSON.createObjectNode().set("items", items).toString());
    }

    private static Answer resolution(JsonNode document) {
        String type = document.path("documentType").asText("");
        String number = document.path("documentNumber").asText("");
        if (number.isEmpty() || number.startsWith("BAD")) {
            return Answer.json(400, "{\"error\":\"VALIDATION_FAILED\",\"message\":\"The request has invalid fields\","
                    + "\"details\":[{\"field\":\"documentNumber\",\"problem\":\"is not a valid " + type + " number\"}]}");
        }
        return Answer.json(200, JSON.createObjectNode().put("subjectId", subjectOfDocument(type, number))
                .put("registered", !number.startsWith("UNREG")).toString());
    }

    private static String venue(JsonNode request) {
        return JSON.createObjectNode().put("id", VENUE).put("name", request.path("name").asText())
                .put("type", request.path("type").asText()).put("regionCode", "330102").put("address", "延安路98号")
                .putNull("vehicle").putNull("tripDate").putNull("carriage").put("posterCode", "HC1.V." + VENUE + ".sig")
                .toString();
    }

    private static String scanDecision(JsonNode scan) {
        String token = scan.path("token").asText("");
        String scanId = scan.path("scanId").asText();
        if (token.startsWith("valid:")) {
            return decision(scanId, "ALLOW", null, "GREEN", token.substring(6));
        }
        if (token.startsWith("red:")) {
            return decision(scanId, "DENY", "COLOUR_RED", "RED", token.substring(4));
        }
        return decision(scanId, "DENY", "BAD_SIGNATURE", null, null);
    }

    private static String decision(String scanId, String decision, String reason, String colour, String subjectId) {
        return JSON.createObjectNode().put("scanId", scanId).put("decision", decision).put("reason", reason)
                .put("colour", colour).put("gold", false).put("subjectId", subjectId).put("province", "330000")
                .put("at", "2026-11-22T03:15:00Z").toString();
    }

    private static String venueCheckin(JsonNode checkin) {
        ObjectNode answer = JSON.createObjectNode().put("venueId", VENUE).put("venueName", "西湖银泰")
                .put("colour", "GREEN").put("gold", false);
        ArrayNode companions = answer.putArray("companions");
        checkin.path("companions").forEach(companion ->
                companions.addObject().put("subjectId", companion.asText()).put("colour", "YELLOW").put("gold", false));
        return answer.toString();
    }

    private static Answer caseRefusal(String caseId) {
        return switch (caseId) {
            case CASE_ELSEWHERE -> Answer.error(403, "FORBIDDEN_PROVINCE");
            case CASE_UNKNOWN -> Answer.error(404, "CASE_NOT_FOUND");
            default -> null;
        };
    }

    /** Contacts 0, 1, ... of the case; the small case's third is {@link #UNKNOWN_SUBJECT}. */
    private static Answer contacts(String caseId, StandIn.Call call) {
        int page = call.query("page") == null ? 0 : Integer.parseInt(call.query("page"));
        int size = call.query("size") == null ? 50 : Integer.parseInt(call.query("size"));
        if (caseId.equals(CASE_CUT_SHORT) && page > 0) {
            return Answer.error(500, "INTERNAL");
        }
        int total = caseId.equals(CASE_LARGE) || caseId.equals(CASE_CUT_SHORT) ? LARGE_CASE_CONTACTS : 3;
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode items = answer.putArray("items");
        for (int i = page * size; i < Math.min(total, (page + 1) * size); i++) {
            items.addObject().put("contactSubjectId", total == 3 && i == 2 ? UNKNOWN_SUBJECT : contactOf(i))
                    .put("degree", i % 10 == 9 ? 2 : 1).put("exposure", i % 10 == 9 ? "SPATIOTEMPORAL" : "CLOSE")
                    .put("venueId", VENUE).put("overlapFrom", OVERLAP_FROM).put("overlapTo", OVERLAP_TO);
        }
        answer.put("page", page).put("size", size).put("total", total);
        return Answer.json(200, answer.toString());
    }

    private static String chain() {
        ObjectNode chain = JSON.createObjectNode();
        ArrayNode nodes = chain.putArray("nodes");
        nodes.addObject().put("subjectId", subjectOf("case")).put("role", "CASE").put("degree", 0);
        nodes.addObject().put("subjectId", contactOf(0)).put("role", "CONTACT").put("degree", 1);
        nodes.addObject().put("subjectId", UNKNOWN_SUBJECT).put("role", "CONTACT").put("degree", 2);
        ArrayNode edges = chain.putArray("edges");
        edges.addObject().put("source", subjectOf("case")).put("target", contactOf(0)).put("venueId", VENUE)
                .put("overlapFrom", OVERLAP_FROM).put("overlapTo", OVERLAP_TO).put("exposure", "CLOSE");
        edges.addObject().put("source", contactOf(0)).put("target", UNKNOWN_SUBJECT).put("venueId", VENUE)
                .put("overlapFrom", OVERLAP_FROM).put("overlapTo", OVERLAP_TO).put("exposure", "CLOSE");
        return chain.toString();
    }

    private static boolean registered(String sub) {
        return sub != null && !sub.startsWith("newcomer");
    }

    private static boolean ownDependent(StandIn.Call call, String id) {
        return id.equals("dependent-of-" + call.subject());
    }

    private static String profile(String owner) {
        return "{\"id\":\"" + owner + "\",\"subjectId\":\"" + subjectOf(owner) + "\",\"maskedName\":\"张*三\","
                + "\"documentType\":\"RESIDENT_ID\",\"maskedDocumentNumber\":\"3301**********1234\","
                + "\"maskedPhone\":\"138****5678\",\"regionCode\":\"330106\",\"province\":\"330000\","
                + "\"registeredAt\":\"2026-11-22T03:00:00Z\"}";
    }

    private static String dependent(String id) {
        return profile(id).replaceFirst("\\}$", ",\"relation\":\"CHILD\"}");
    }

    private static Answer declared(String owner) {
        return Answer.json(201, "{\"id\":\"6f1c1f3e-4a4b-4a43-9d6e-7d5d1b0e2f11\",\"subjectId\":\""
                + subjectOf(owner) + "\",\"kind\":\"FULL\",\"declaredAt\":\"2026-11-22T03:15:00Z\"}");
    }

    private static String code(String subjectId) {
        return "{\"subjectId\":\"" + subjectId + "\",\"colour\":\"GREEN\",\"gold\":true,\"token\":\"eyJhbGciOiJFUzI1NiJ9.e30.c2ln\","
                + "\"expiresAt\":\"2026-11-22T03:20:00Z\",\"validUntil\":\"2026-11-22T16:00:00Z\",\"declarationDue\":null,"
                + "\"quarantineUntil\":null,\"reasons\":[]}";
    }

    private static Answer verdict(String token) {
        if (token == null) {
            return new Answer(400, "application/json", ("{\"error\":\"VALIDATION_FAILED\",\"message\":\"The request has "
                    + "invalid fields\",\"details\":[{\"field\":\"token\",\"problem\":\"is required\"}]}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (!token.startsWith("valid:")) {
            return Answer.json(200, "{\"valid\":false,\"reason\":\"BAD_SIGNATURE\",\"colour\":null,\"gold\":null,"
                    + "\"tokenColour\":null,\"province\":null,\"subjectId\":null,\"expiresAt\":null}");
        }
        return Answer.json(200, "{\"valid\":true,\"reason\":null,\"colour\":\"YELLOW\",\"gold\":false,\"tokenColour\":\"G\","
                + "\"province\":\"330000\",\"subjectId\":\"" + token.substring(6) + "\",\"expiresAt\":\"2026-11-22T03:20:00Z\"}");
    }

    private static byte[] png() {
        byte[] bytes = new byte[8 + 256];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(signature, 0, bytes, 0, 8);
        for (int i = 0; i < 256; i++) {
            bytes[8 + i] = (byte) i;
        }
        return bytes;
    }
}
