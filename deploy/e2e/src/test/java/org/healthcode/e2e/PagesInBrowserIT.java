package org.healthcode.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.healthcode.infra.FreePort;
import org.healthcode.infra.Processes;
import org.healthcode.infra.ServiceProcess;
import org.healthcode.local.Keycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The H5 pages under the gateway's {@code /app/}, in a real browser (headless Chromium) against the
 * whole platform, with people signing in on a real Keycloak's login pages (the local realm). One
 * day at a gate, in order: a resident registers and declares and sees a green code whose QR a
 * checkpoint's page reads from a picture (ALLOW); an authority confirms a case the resident met
 * there, and the resident's open page turns red without a reload (and the gate says DENY); an
 * epidemiologist sees the link in the chain graph; the resident appeals, one authority upholds it
 * with an override and a second approves it. Then every role's remaining work: the resident's daily
 * check-in, their parent added, coded and declared for, the parent let in at the gate by ID card,
 * check-ins at the market by the poster's typed code and by the camera; a second gate phone reading
 * the resident's code with its camera (Chromium's fake camera films a picture); the authority's
 * region risk and a rule set published after its dry run; the epidemiologist's contacts a page at a
 * time and their CSV export; the admin's audit trail; the resident naming their residential community
 * (a market refused first) and leaving it, and the community worker's list of who there needs a knock,
 * everyone on request, and its CSV. Screenshots of each page go to target/screenshots.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesInBrowserIT {

    private static final String PASSWORD = "demo";

    private static Process keycloak;
    private static String keycloakUrl;
    private static Path keycloakHome;
    private static int keycloakPort;
    private static String keycloakRealm;
    private static Platform platform;
    private static String gateway;

    private static Browser resident;
    private static Browser checkpoint;
    private static Browser authority;
    private static Browser epidemiologist;
    /** A second phone whose camera films a picture (a poster, a code), for the step that uses it. */
    private static Browser filming;
    private static Browser admin;
    private static Browser community;

    // the resident on the page, and the one they met at the market
    private static final String NAME = Residents.name();
    private static final String ID_NUMBER = Residents.idNumber();
    private static final String PHONE = Residents.phone();
    private static final String OTHER_ID_NUMBER = Residents.idNumber();
    // (masked unlike the resident: the community worker's list tells them apart)
    private static final String OTHER_NAME = nameMaskedUnlike(NAME);
    // the resident's elderly parent, without a phone
    private static final String PARENT_NAME = nameMaskedUnlike(NAME, OTHER_NAME);
    private static final String PARENT_ID_NUMBER = Residents.idNumber();
    private static final String MARKET = "城东农贸市场";
    private static Path qrImage;
    private static String venueId;
    private static String caseId;
    /** The residential community the resident names, and another that community1 also serves, where nobody lives. */
    private static final String COMMUNITY = "翠苑一区";
    private static String communityId;
    private static String quietCommunityId;

    /** A failed step leaves each open page's screenshot and console behind, in target/screenshots. */
    @RegisterExtension
    static final TestExecutionExceptionHandler WHAT_THE_PAGES_SHOWED = (context, failure) -> {
        String step = context.getRequiredTestMethod().getName();
        StringBuilder consoles = new StringBuilder();
        String[] names = {"resident", "checkpoint", "authority", "epidemiologist", "filming", "admin", "community"};
        Browser[] open = {resident, checkpoint, authority, epidemiologist, filming, admin, community};
        for (int i = 0; i < open.length; i++) {
            if (open[i] != null) {
                consoles.append(names[i]).append(": ").append(open[i].whatItShows(step + "-" + names[i])).append('\n');
            }
        }
        failure.addSuppressed(new AssertionError("the pages when " + step + " failed:\n" + consoles));
        throw failure;
    };

    @BeforeAll
    static void start() throws Exception {
        Browser.ensureInstalled();
        Path root = Path.of("../..").toAbsolutePath().normalize();
        keycloakHome = Files.createDirectories(Path.of("target/keycloak-pages").toAbsolutePath());
        // a fresh realm database each run: the realm is imported as the repository has it
        deleteTree(keycloakHome.resolve(Keycloak.VERSION_DIR).resolve("data/h2"));
        keycloakPort = FreePort.find();
        keycloakUrl = "http://127.0.0.1:" + keycloakPort;
        String gatewaySecret = "pages-" + UUID.randomUUID();
        keycloakRealm = Keycloak.realm(root, gatewaySecret);
        // one after the other: Keycloak's first start and the platform's together starved Kafka's start on two busy cores
        startKeycloak("keycloak.log");
        platform = Platform.signingInAt(keycloakUrl + "/realms/healthcode", gatewaySecret);
        gateway = platform.gatewayUrl();
        allowPagesAt(gateway);
    }

    /** Kills Keycloak as a crash would: its launcher script and the JVM it started. */
    private static void crashKeycloak() throws InterruptedException {
        List<ProcessHandle> jvm = keycloak.toHandle().descendants().toList();
        jvm.forEach(ProcessHandle::destroyForcibly);
        keycloak.destroyForcibly().waitFor();
        for (ProcessHandle process : jvm) {
            process.onExit().join();
        }
    }

    /** Starts Keycloak (again: its realm, keys and sessions are kept in its own database) and waits until the realm answers. */
    private static void startKeycloak(String logName) throws IOException {
        Path log = keycloakHome.resolve(logName);
        keycloak = Keycloak.startFrom(Path.of("target/keycloak/keycloak-dist.zip").toAbsolutePath(), keycloakHome,
                keycloakPort, keycloakRealm, log);
        ServiceProcess.awaitOk("Keycloak (log " + log + ")", keycloakUrl + "/realms/healthcode", keycloak, Duration.ofMinutes(5));
    }

    /**
     * As an operator does where the pages are served: the mini-program client may send the browser
     * back there (the local realm's redirect URIs cover any loopback port already) and lets its
     * scripts call the token endpoint from there (web origins, CORS).
     */
    private static void allowPagesAt(String origin) {
        String admin = keycloakAdmin();
        Map<String, Object> client = given().baseUri(keycloakUrl).auth().oauth2(admin).queryParam("clientId", "mini-program")
                .get("/admin/realms/healthcode/clients").then().statusCode(200).extract().path("[0]");
        List<Object> origins = new java.util.ArrayList<>((List<?>) client.get("webOrigins"));
        origins.add(origin);
        client.put("webOrigins", origins);
        given().baseUri(keycloakUrl).auth().oauth2(admin).contentType(ContentType.JSON).body(client)
                .put("/admin/realms/healthcode/clients/" + client.get("id")).then().statusCode(204);
    }

    /**
     * As an administrator does in Keycloak's console: the communities {@code username} serves, its
     * {@code communities} attribute (venue ids), which its next sign-in's token carries as a claim.
     */
    private static void serveCommunities(String username, String... venueIds) {
        String admin = keycloakAdmin();
        Map<String, Object> user = given().baseUri(keycloakUrl).auth().oauth2(admin).queryParam("username", username)
                .queryParam("exact", true).get("/admin/realms/healthcode/users").then().statusCode(200).extract().path("[0]");
        Map<String, Object> attributes = new java.util.HashMap<>();
        if (user.get("attributes") instanceof Map<?, ?> existing) {
            existing.forEach((name, values) -> attributes.put((String) name, values));
        }
        attributes.put("communities", List.of(venueIds));
        user.put("attributes", attributes);
        given().baseUri(keycloakUrl).auth().oauth2(admin).contentType(ContentType.JSON).body(user)
                .put("/admin/realms/healthcode/users/" + user.get("id")).then().statusCode(204);
    }

    /** A token of Keycloak's bootstrap admin, for its admin API. */
    private static String keycloakAdmin() {
        return given().baseUri(keycloakUrl).formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post("/realms/master/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    @AfterAll
    static void stop() {
        for (Browser browser : new Browser[] {resident, checkpoint, authority, epidemiologist, filming, admin, community}) {
            if (browser != null) {
                browser.close();
            }
        }
        if (platform != null) {
            platform.close();
        }
        if (keycloak != null) {
            Processes.stop(keycloak, Duration.ofSeconds(30));
        }
    }

    @Test
    @Order(1)
    void aResidentRegistersDeclaresAndSeesAGreenCodeThatACheckpointAccepts() throws Exception {
        resident = Browser.phone();
        resident.signIn(gateway + "/app/citizen.html", "citizen1", PASSWORD);
        resident.type("reg-name", NAME);
        resident.type("reg-document-number", ID_NUMBER);
        resident.type("reg-phone", PHONE);
        resident.region("reg-region", "330000", "330100", "330106");
        resident.screenshot("citizen-register");
        resident.click("register-submit");

        resident.click("tab-declare");
        resident.click("declaration-add-travel");
        resident.region("declaration-travel-0", "330000", "330100", "330102");
        resident.type("declaration-temperature", "36.6");
        resident.type("declaration-doses", "2");
        resident.set("declaration-last-dose", LocalDate.now().minusDays(60).toString());
        resident.screenshot("citizen-declare");
        resident.click("declaration-submit");

        WebElement card = resident.waitFor(By.cssSelector("#my-card[data-colour=GREEN]"));
        assertEquals("true", card.getAttribute("data-gold"), "two doses: the gold frame");
        assertEquals(masked(NAME), resident.waitFor(By.id("my-who")).getText());
        assertFalse(resident.waitFor(By.id("my-why-summary")).getText().isBlank(), "why this colour");
        String clock = resident.waitFor(By.id("my-clock")).getText();
        resident.waitFor(By.xpath("//*[@id='my-clock' and text()!='" + clock + "']"));
        resident.screenshot("citizen-code-green");

        // the QR as the screen shows it, read by an independent reader
        qrImage = Files.createDirectories(Browser.SCREENSHOTS).resolve("citizen-qr-green.png");
        Files.write(qrImage, resident.pictureOf(By.id("my-qr")));
        String token = CitizenJourneyIT.decodeQr(Files.readAllBytes(qrImage));
        JsonPath verified = as(token("checkpoint1")).contentType(ContentType.JSON).body(Map.of("token", token))
                .post("/api/v1/codes/verify").then().statusCode(200).extract().jsonPath();
        assertTrue(verified.getBoolean("valid"), "the checkpoint accepts the token in the QR");
        assertEquals("GREEN", verified.getString("colour"));
        assertEquals(masked(NAME), verified.getString("maskedName"));
    }

    @Test
    @Order(2)
    void theCheckpointRegistersItsVenueAndReadsThatCodeFromAPictureAllow() throws Exception {
        checkpoint = Browser.phone();
        checkpoint.signIn(gateway + "/app/checkpoint.html", "checkpoint1", PASSWORD);
        checkpoint.type("venue-name", MARKET);
        checkpoint.choose("venue-type", "MARKET");
        checkpoint.region("venue-region", "330000", "330100", "330106");
        checkpoint.type("venue-address", "文三路 1 号");
        checkpoint.click("venue-submit");
        checkpoint.waitFor(By.id("poster-image"));
        checkpoint.screenshot("checkpoint-venue-poster");
        venueId = (String) checkpoint.script("return JSON.parse(localStorage.getItem('hc.venue')).id");

        WebElement verdict = scan(qrImage, "ALLOW");
        assertEquals(masked(NAME), checkpoint.waitFor(By.id("verdict-name")).getText());
        assertEquals("GREEN", verdict.getAttribute("data-colour"));
        checkpoint.screenshot("scanner-allow");
        checkpoint.click(verdict);
    }

    @Test
    @Order(3)
    void aCaseConfirmedAtTheDeskTurnsTheResidentsOpenPageRedWithoutAReload() throws Exception {
        // someone else at the same market a moment later, through the API as the mini-program would
        String other = token("citizen2");
        as(other).contentType(ContentType.JSON).body(Residents.registration(OTHER_NAME, OTHER_ID_NUMBER, Residents.phone()))
                .post("/api/v1/me/registration").then().statusCode(201);
        as(other).contentType(ContentType.JSON).body(Map.of("travel", List.of(), "contactWithCase", false,
                "symptoms", List.of(), "temperature", 36.5)).post("/api/v1/me/declarations").then().statusCode(201);
        String otherCode = awaitCode(other);
        as(token("checkpoint1")).contentType(ContentType.JSON)
                .body(Map.of("token", otherCode, "venueId", venueId, "scanId", UUID.randomUUID().toString()))
                .post("/api/v1/scans").then().statusCode(200);

        resident.script("window.sameDocument = 'not reloaded'");
        authority = Browser.desk();
        authority.signIn(gateway + "/app/authority.html", "authority1", PASSWORD);
        authority.type("case-document-number", OTHER_ID_NUMBER);
        authority.choose("case-status", "CONFIRMED");
        authority.click("case-submit");
        caseId = authority.waitFor(By.id("case-recorded")).getAttribute("data-case-id");
        authority.screenshot("authority-case-confirmed");

        resident.waitFor(By.cssSelector("#my-card[data-colour=RED]"));
        assertEquals("not reloaded", resident.script("return window.sameDocument"), "the page was not loaded again");
        resident.waitFor(By.cssSelector("#my-why .reason[data-code=CLOSE_CONTACT]"));
        resident.screenshot("citizen-code-red");

        Path redQr = Browser.SCREENSHOTS.resolve("citizen-qr-red.png");
        Files.write(redQr, resident.pictureOf(By.id("my-qr")));
        WebElement verdict = scan(redQr, "DENY");
        assertEquals("RED", verdict.getAttribute("data-colour"));
        checkpoint.screenshot("scanner-deny");
        checkpoint.click(verdict);
    }

    @Test
    @Order(4)
    void theEpidemiologistSeesTheLinkInTheChainGraph() {
        epidemiologist = Browser.desk();
        {
            epidemiologist.signIn(gateway + "/app/epidemiologist.html?case=" + caseId, "epi1", PASSWORD);
            // (the page draws its tables again as tracing goes on: found afresh, never kept)
            epidemiologist.waitFor(By.xpath("//tr[contains(@class,'edge') and contains(., '" + masked(OTHER_NAME)
                    + "') and contains(., '" + masked(NAME) + "')]"));
            assertEquals(1L, epidemiologist.script("return window.chainGraph.edges().length"), "one edge drawn");
            assertEquals(2L, epidemiologist.script("return window.chainGraph.nodes().length"));
            epidemiologist.waitFor(By.xpath("//tr[contains(@class,'contact') and contains(., '" + masked(NAME) + "')]"));
            epidemiologist.screenshot("epidemiologist-chain");
        }
    }

    @Test
    @Order(5)
    void anAppealUpheldByOneAuthorityAndApprovedByAnotherTurnsTheCodeGreenAgain() {
        resident.click("tab-appeals");
        resident.type("appeal-reason", "当天我不在这个市场");
        resident.click("appeal-submit");
        resident.waitFor(By.cssSelector("#appeals-list li[data-status=OPEN]"));

        authority.driver().navigate().refresh();
        WebElement appeal = authority.waitFor(By.cssSelector("form.appeal"));
        new Select(appeal.findElement(By.className("appeal-decision"))).selectByValue("UPHELD");
        appeal.findElement(By.className("appeal-note")).sendKeys("核实：当天不在该市场");
        authority.click(appeal.findElement(By.className("appeal-propose")));
        new Select(appeal.findElement(By.className("appeal-colour"))).selectByValue("GREEN");
        authority.script("arguments[0].value = arguments[1]", appeal.findElement(By.className("appeal-until")),
                LocalDate.now().plusDays(7).toString());
        authority.click(appeal.findElement(By.className("appeal-submit")));
        WebElement own = authority.waitFor(By.cssSelector("tr.override"));
        assertFalse(own.findElement(By.className("approve")).isEnabled(), "the proposer cannot approve");

        try (Browser second = Browser.desk()) {
            second.signIn(gateway + "/app/authority.html", "authority2", PASSWORD);
            WebElement proposal = second.waitFor(By.cssSelector("tr.override"));
            assertTrue(proposal.getText().contains("绿码"), "the second authority sees the colour proposed");
            WebElement approve = proposal.findElement(By.className("approve"));
            assertTrue(approve.isEnabled());
            second.screenshot("authority-override-approval");
            second.click(approve);
            second.waitFor(By.xpath("//*[@id='overrides']//p[contains(@class,'muted')]"));
        }

        resident.click("tab-code");
        resident.waitFor(By.cssSelector("#my-card[data-colour=GREEN]"));
        resident.waitFor(By.cssSelector("#my-why .reason[data-code=MANUAL_OVERRIDE]"));
    }

    /**
     * Keycloak down. Whoever is signed in keeps working: their tokens are checked against the
     * provider's keys, which the gateway and the services already hold. Whoever signs in now is told
     * plainly that signing in cannot happen at the moment, rather than being sent to a page that
     * does not load. When Keycloak is back, signing in works again and nothing had to be restarted.
     */
    @Test
    @Order(20)
    void withKeycloakDownSignedInPagesKeepWorkingAndANewSignInSaysWhy() throws Exception {
        // fresh tokens on the open pages, as after a morning's sign-in (Keycloak's session signs them in again)
        resident.driver().navigate().refresh();
        resident.waitFor(By.cssSelector("#my-card[data-colour=GREEN]"));
        checkpoint.driver().navigate().refresh();
        checkpoint.waitFor(By.id("sign-out"));

        crashKeycloak();
        try {
            Path qr = Browser.SCREENSHOTS.resolve("citizen-qr-keycloak-down.png");
            Files.write(qr, resident.pictureOf(By.id("my-qr")));
            checkpoint.click(scan(qr, "ALLOW"));

            resident.click("tab-checkin");
            resident.script("document.getElementById('message').textContent = ''");
            resident.click("checkin-submit");
            resident.waitFor(By.xpath("//p[@id='message' and contains(@class,'info') and text()='已打卡']"));

            try (Browser newcomer = Browser.desk()) {
                newcomer.driver().get(gateway + "/app/authority.html");
                WebElement message = newcomer.waitFor(By.cssSelector("#message.error"));
                assertEquals("登录服务暂时无法访问，请几分钟后刷新重试。已登录的页面不受影响。", message.getText());
                assertTrue(newcomer.driver().getCurrentUrl().startsWith(gateway + "/app/"), "still on the page, not sent away");
                assertEquals("重试", newcomer.waitFor(By.id("sign-in-retry")).getText(), "a way to try again, not 'loading'");
                newcomer.screenshot("sign-in-unavailable");
            }

            // a service started meanwhile has not got the provider's keys: it checks nobody, says why, and does nothing
            ServiceProcess declarations = platform.instances("declaration-service").get(0);
            platform.kill(declarations);
            platform.restart(declarations);
            resident.script("document.getElementById('message').textContent = ''");
            resident.click("checkin-submit");
            resident.waitFor(By.xpath("//p[@id='message' and contains(@class,'error')"
                    + " and starts-with(text(),'IDENTITY_PROVIDER_UNAVAILABLE')]"));
            resident.screenshot("citizen-identity-provider-unavailable");
        } finally {
            startKeycloak("keycloak-restarted.log");
        }
        // back: the restarted service fetches the keys on its next request, and the same page carries on
        resident.script("document.getElementById('message').textContent = ''");
        resident.click("checkin-submit");
        resident.waitFor(By.xpath("//p[@id='message' and contains(@class,'info') and text()='已打卡']"));
        try (Browser newcomer = Browser.desk()) {
            newcomer.signIn(gateway + "/app/authority.html", "authority2", PASSWORD);
        }
    }

    @Test
    @Order(6)
    void theResidentChecksInForTheDay() {
        resident.click("tab-checkin");
        resident.type("checkin-temperature", "36.4");
        resident.screenshot("citizen-checkin");
        resident.click("checkin-submit");
        resident.waitFor(By.xpath("//*[@id='message' and contains(., '已打卡')]"));
    }

    @Test
    @Order(7)
    void theResidentAddsTheirParentSeesTheirCodeAndDeclaresForThem() {
        resident.click("tab-dependents");
        resident.type("dependent-name", PARENT_NAME);
        resident.choose("dependent-document-type", "RESIDENT_ID");
        resident.type("dependent-document-number", PARENT_ID_NUMBER);
        resident.region("dependent-region", "330000", "330100", "330106");
        resident.choose("dependent-relation", "PARENT");
        resident.click("dependent-submit");
        By parent = By.xpath("//ul[@id='dependents-list']/li[contains(., '" + masked(PARENT_NAME) + "')]");
        assertTrue(resident.waitFor(parent).getText().contains("父母"));

        // no code before a declaration: the page says so
        resident.click(resident.waitFor(parent).findElement(By.tagName("button")));
        resident.waitFor(By.cssSelector("#dependent-code p.message[id$='-no-colour']"));

        resident.click("tab-declare");
        new Select(resident.waitFor(By.id("declare-for"))).selectByVisibleText(masked(PARENT_NAME));
        resident.type("declaration-temperature", "36.7");
        resident.click("declaration-submit");
        resident.waitFor(By.xpath("//*[@id='message' and contains(., '已提交申报')]"));

        resident.click("tab-dependents");
        resident.click(resident.waitFor(parent).findElement(By.tagName("button")));
        WebElement card = resident.waitFor(By.cssSelector("#dependent-code .code-card[data-colour=GREEN]"));
        assertEquals(masked(PARENT_NAME), card.findElement(By.cssSelector("[id$='-who']")).getText());
        assertTrue(resident.waitFor(By.cssSelector("#dependent-code img[id$='-qr']")).getAttribute("src").startsWith("blob:"),
                "the parent's QR is drawn");
        resident.screenshot("citizen-dependent-code");
    }

    @Test
    @Order(8)
    void theCheckpointLetsTheParentInByTheirIdCard() {
        checkpoint.choose("id-document-type", "RESIDENT_ID");
        checkpoint.type("id-document-number", PARENT_ID_NUMBER);
        checkpoint.click("id-card-submit");
        WebElement verdict = checkpoint.waitFor(By.cssSelector("#verdict[data-decision=ALLOW]"));
        assertEquals("GREEN", verdict.getAttribute("data-colour"));
        assertEquals(masked(PARENT_NAME), checkpoint.waitFor(By.id("verdict-name")).getText());
        assertEquals("", checkpoint.waitForPresent(By.id("id-document-number")).getAttribute("value"),
                "the number is not left on the screen");
        checkpoint.screenshot("checkpoint-id-card-allow");
        checkpoint.click(verdict);
    }

    @Test
    @Order(9)
    void theResidentChecksInAtTheMarketByTypingThePostersCodeWithTheirParent() {
        String posterCode = checkpoint.waitForPresent(By.id("poster-code")).getText();
        assertTrue(posterCode.startsWith("HCV1." + venueId + "."), "the poster shows its code");

        resident.click("tab-venue");
        resident.type("venue-code", posterCode);
        resident.click(resident.waitFor(By.xpath("//label[contains(., '" + masked(PARENT_NAME) + "')]/input[@type='checkbox']")));
        resident.click("venue-submit");
        WebElement checkedIn = resident.waitFor(By.cssSelector("#venue-result .code-card[data-colour=GREEN]"));
        assertTrue(checkedIn.getText().contains(MARKET), "checked in at the market");
        resident.screenshot("citizen-venue-typed");
    }

    @Test
    @Order(10)
    void theResidentChecksInAtTheMarketWithTheCameraOnThePoster() throws Exception {
        byte[] poster = as(token("checkpoint1")).get("/api/v1/venues/" + venueId + "/poster.png")
                .then().statusCode(200).extract().asByteArray();
        filming(Browser.filmOf(poster, 360, Path.of("target/films/poster.y4m")));
        filming.signIn(gateway + "/app/citizen.html", "citizen1", PASSWORD);
        filming.click("tab-venue");
        filming.click("venue-camera");
        WebElement checkedIn = filming.waitFor(By.cssSelector("#venue-result .code-card[data-colour=GREEN]"));
        assertTrue(checkedIn.getText().contains(MARKET), "checked in at the market");
        filming.screenshot("citizen-venue-camera");
        closeFilming();
    }

    @Test
    @Order(11)
    void aSecondCheckpointPhoneReadsTheResidentsCodeWithItsCamera() throws Exception {
        resident.click("tab-code");
        resident.waitFor(By.cssSelector("#my-card[data-colour=GREEN]"));
        // a code lasts 3 minutes: filmed as it is on the screen now
        byte[] code = resident.pictureOf(By.id("my-qr"));
        // the picture nearly fills the scanner's box: a code's QR (version 11) is dense for its 240 pixels
        filming(Browser.filmOf(code, 420, Path.of("target/films/code.y4m")));
        filming.signIn(gateway + "/app/checkpoint.html", "checkpoint1", PASSWORD);
        filming.type("venue-id", venueId);
        filming.click("venue-use");
        filming.waitFor(By.xpath("//*[@id='current-venue' and contains(., '" + venueId + "')]"));
        filming.click("scan-camera");
        WebElement verdict = filming.waitFor(By.cssSelector("#verdict[data-decision=ALLOW]"));
        assertEquals("GREEN", verdict.getAttribute("data-colour"));
        assertEquals(masked(NAME), filming.waitFor(By.id("verdict-name")).getText());
        filming.screenshot("scanner-camera-allow");
        closeFilming();
    }

    @Test
    @Order(12)
    void theAuthoritySetsARegionsRiskAndSeesItListed() {
        authority.driver().navigate().refresh();
        authority.region("risk-region", "330000", "330100", "330109");
        authority.choose("risk-level", "HIGH");
        authority.click("risk-submit");
        WebElement listed = authority.waitFor(By.cssSelector("#risk-list li[data-region='330109'][data-level=HIGH]"));
        assertTrue(listed.getText().contains("萧山区"), "by the region's name");
        assertTrue(listed.getText().contains("高风险"));
        authority.screenshot("authority-region-risk");
    }

    @Test
    @Order(13)
    void theAuthoritySeesTheDryRunsNumbersThenPublishesTheRuleSet() {
        WebElement definition = authority.waitFor(By.id("rule-definition"));
        authority.until(d -> !definition.getAttribute("value").isBlank());
        // the authority edits the active rules: a confirmed case turns yellow instead of red
        authority.script("const rules = JSON.parse(arguments[0].value); rules.reasons.CONFIRMED_CASE.colour = 'YELLOW';"
                + " arguments[0].value = JSON.stringify(rules, null, 2);", definition);
        authority.click("rule-dry-run");
        WebElement change = authority.waitFor(By.cssSelector("#dry-run tr.dry-run-change[data-from=RED][data-to=YELLOW]"));
        assertTrue(change.getText().startsWith("红码 → 黄码"), change.getText());
        assertTrue(Long.parseLong(change.getAttribute("data-count")) >= 1, "the confirmed case at least");
        WebElement summary = authority.waitFor(By.id("dry-run-summary"));
        long subjects = Long.parseLong(summary.getAttribute("data-subjects"));
        assertTrue(subjects >= 2, "the province's people counted: " + subjects);
        assertTrue(summary.getText().contains("人数: " + subjects));
        authority.screenshot("authority-rules-dry-run");

        authority.click("rule-publish");
        WebElement scheduled = authority.waitFor(By.cssSelector("#rule-sets tr.rule-set[data-province='330000'][data-status=SCHEDULED]"));
        assertTrue(scheduled.getText().contains("待生效"));
        authority.screenshot("authority-rules-published");
    }

    @Test
    @Order(14)
    void theEpidemiologistPagesThroughTheContactsAndExportsThemAsCsv() {
        // the case confirmed again at the desk: tracing picks up the parent who came to the market with the resident
        as(token("authority1")).contentType(ContentType.JSON).body(Map.of("documentType", "RESIDENT_ID",
                "documentNumber", OTHER_ID_NUMBER, "status", "CONFIRMED")).post("/api/v1/cases").then().statusCode(201);

        epidemiologist.driver().get(gateway + "/app/epidemiologist.html?case=" + caseId + "&size=1");
        epidemiologist.waitFor(By.xpath("//*[@id='contacts-page' and text()='第 1 / 2 页，共 2 人']"));
        String first = onlyContactShown();
        epidemiologist.screenshot("epidemiologist-contacts-page-1");
        epidemiologist.click("contacts-next");
        epidemiologist.waitFor(By.xpath("//*[@id='contacts-page' and text()='第 2 / 2 页，共 2 人']"));
        String second = onlyContactShown();
        assertEquals(java.util.Set.of(masked(NAME), masked(PARENT_NAME)), java.util.Set.of(first, second),
                "one contact a page, each once");
        assertFalse(epidemiologist.waitFor(By.id("contacts-next")).isEnabled(), "no page after the last");
        epidemiologist.screenshot("epidemiologist-contacts-page-2");

        // the download: its name and content, as the page hands them to the browser
        epidemiologist.script("window.exported = [];"
                + " const make = URL.createObjectURL;"
                + " URL.createObjectURL = blob => { blob.text().then(text => window.exported.push(text)); return make.call(URL, blob); };"
                + " document.addEventListener('click', event => {"
                + "   if (event.target.download) { window.downloadName = event.target.download; event.preventDefault(); } }, true);");
        epidemiologist.click("export-csv");
        String csv = epidemiologist.until(d -> (String) epidemiologist.script("return window.exported[0]"));
        assertEquals("contacts-" + caseId + ".csv", epidemiologist.script("return window.downloadName"));
        List<String> lines = csv.lines().toList();
        assertEquals("contactSubjectId,maskedName,degree,exposure,venueId,overlapFrom,overlapTo,homeProvince", lines.get(0));
        assertEquals(3, lines.size(), "both contacts, not just the page on show");
        assertTrue(csv.contains(masked(NAME)) && csv.contains(masked(PARENT_NAME)));
        assertFalse(csv.contains(NAME) || csv.contains(PARENT_NAME), "masked names only");
    }

    @Test
    @Order(15)
    void theAdminSeesTheOverrideApprovalInTheAuditTrail() {
        admin = Browser.desk();
        admin.signIn(gateway + "/app/admin.html", "admin1", PASSWORD);
        WebElement approval = admin.waitFor(By.xpath("//tr[contains(@class,'audit-entry') and contains(., 'OVERRIDE_APPROVED')]"));
        assertTrue(approval.getText().contains("risk-scoring"), approval.getText());
        admin.script("arguments[0].scrollIntoView({block: 'center'})", approval);
        admin.screenshot("admin-audit");
    }

    /**
     * Anyone, without signing in, reads the resident's city's figures: the case and the few codes there
     * are shown as "fewer than 10", never as a number from 1 to 9 that could point at someone.
     */
    @Test
    @Order(16)
    void anyoneReadsTheCityFiguresWithoutSigningInAndNoSmallNumberShows() {
        try (Browser visitor = Browser.phone()) {
            visitor.driver().get(gateway + "/app/figures.html?region=330100");
            visitor.waitFor(By.id("figures"));
            List<String> cells = List.of("confirmed-today", "confirmed-week", "suspected-today", "suspected-week",
                    "codes-green", "codes-yellow", "codes-red");
            visitor.until(d -> !visitor.waitFor(By.id("codes-green")).getText().isBlank());
            for (String cell : cells) {
                String shown = visitor.waitFor(By.id(cell)).getText();
                assertTrue(shown.equals("0") || shown.equals("少于 10") || shown.matches("[1-9][0-9]+"),
                        cell + " shows " + shown);
            }
            assertEquals("少于 10", visitor.waitFor(By.id("confirmed-week")).getText(),
                    "this week's one confirmed case in the city is not shown as 1");
            assertTrue(visitor.driver().getCurrentUrl().startsWith(gateway + "/app/figures.html"), "no sign-in asked");
            visitor.screenshot("public-figures");
        }
    }

    /**
     * The resident names their residential community on its tab: the market's id is refused with the
     * reason on the page, the community's poster code (typed) names it, and the page shows its name;
     * leaving clears it. They name it again by its venue id, for its worker's step.
     */
    @Test
    @Order(17)
    void theResidentNamesTheirCommunityOnItsTabAndLeavesIt() {
        String checkpointToken = token("checkpoint1");
        JsonPath created = as(checkpointToken).contentType(ContentType.JSON).body(Map.of("name", COMMUNITY,
                "type", "RESIDENTIAL_COMMUNITY", "regionCode", "330106", "address", "文三路翠苑一区东门"))
                .post("/api/v1/venues").then().statusCode(201).extract().jsonPath();
        communityId = created.getString("id");
        String posterCode = created.getString("posterCode");
        quietCommunityId = as(checkpointToken).contentType(ContentType.JSON).body(Map.of("name", "文鼎苑",
                "type", "RESIDENTIAL_COMMUNITY", "regionCode", "330106", "address", "文一西路文鼎苑北门"))
                .post("/api/v1/venues").then().statusCode(201).extract().path("id");

        By none = By.xpath("//section[h2[@data-t='myCommunity']]/p[@data-t='none']");
        resident.click("tab-community");
        assertEquals("暂无", resident.waitFor(none).getText(), "no community named yet");

        resident.script("document.getElementById('message').textContent = ''");
        resident.type("community-venue", venueId);
        resident.click("community-submit");
        WebElement refused = resident.waitFor(By.cssSelector("#message.error"));
        assertTrue(refused.getText().startsWith("NOT_A_COMMUNITY"), "the market is no community: " + refused.getText());
        assertTrue(resident.driver().findElements(By.id("community-named")).isEmpty(), "nothing named");

        resident.type("community-venue", posterCode);
        resident.click("community-submit");
        assertTrue(resident.waitFor(By.id("community-named")).getText().startsWith(COMMUNITY), "named on the page");
        resident.until(d -> d.findElement(By.id("message")).getText().isEmpty());
        assertEquals("退出社区", resident.waitFor(By.id("community-leave")).getText(), "not the header's 退出 (sign out)");
        resident.screenshot("citizen-community-named");

        resident.click("community-leave");
        resident.waitFor(none);
        assertTrue(resident.driver().findElements(By.id("community-named")).isEmpty(), "left");
        resident.screenshot("citizen-community-left");

        resident.type("community-venue", communityId);
        resident.click("community-submit");
        assertTrue(resident.waitFor(By.id("community-named")).getText().startsWith(COMMUNITY));
    }

    /**
     * community1, given the two communities in Keycloak, signs in: in 翠苑一区 only the confirmed case
     * (red) needs a knock, with their masked name and today's check-in, not the green resident who
     * checked in; the empty community says nobody needs a visit; the CSV holds the same line; "show
     * every resident" lists the green resident too.
     */
    @Test
    @Order(18)
    void theCommunityWorkerSeesWhoNeedsAKnockExportsItAndOnRequestEveryone() {
        // the confirmed case names the same community, through the API as the mini-program would
        as(token("citizen2")).contentType(ContentType.JSON).body(Map.of("venueId", communityId))
                .put("/api/v1/me/community").then().statusCode(200);
        serveCommunities("community1", communityId, quietCommunityId);

        community = Browser.desk();
        community.signIn(gateway + "/app/community.html", "community1", PASSWORD);
        String section = "section.community[data-venue='" + communityId + "']";
        By lines = By.cssSelector(section + " tr.resident-line");
        WebElement red = community.waitFor(lines);
        assertEquals(1, community.driver().findElements(lines).size(), "only who needs a knock");
        List<String> cells = red.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertEquals(masked(OTHER_NAME), cells.get(0));
        assertEquals("红码", cells.get(1));
        // declared today; past the province's midnight (the run's own clock), due
        assertTrue(List.of("已打卡", "待打卡").contains(cells.get(2)), "today's check-in: " + cells.get(2));
        assertEquals("—", cells.get(3), "not a dependent");
        assertFalse(community.waitFor(By.cssSelector(section)).getText().contains(masked(NAME)),
                "the green resident who checked in is not listed");
        assertEquals("今天没有需要上门的居民。", community.waitFor(By.cssSelector("section.community[data-venue='"
                + quietCommunityId + "'] p.no-residents")).getText(), "the empty community says so");
        community.screenshot("community-worker");

        // the download: its name and content, as the page hands them to the browser
        community.script("window.exported = [];"
                + " const make = URL.createObjectURL;"
                + " URL.createObjectURL = blob => { blob.text().then(text => window.exported.push(text)); return make.call(URL, blob); };"
                + " document.addEventListener('click', event => {"
                + "   if (event.target.download) { window.downloadName = event.target.download; event.preventDefault(); } }, true);");
        community.click(community.waitFor(By.cssSelector(section + " button.export-csv")));
        String csv = community.until(d -> (String) community.script("return window.exported[0]"));
        assertEquals("community-" + communityId + "-residents.csv", community.script("return window.downloadName"));
        List<String> rows = csv.lines().toList();
        assertEquals("maskedName,colour,checkin,dependent,attention", rows.get(0));
        assertEquals(2, rows.size(), "the one line on show: " + rows.size());
        assertTrue(rows.get(1).startsWith(masked(OTHER_NAME) + ",RED,"), "the red resident's line");
        assertFalse(csv.contains(OTHER_NAME) || csv.contains(masked(NAME)), "masked, and only who needs a knock");

        community.click("community-all");
        community.until(d -> d.findElements(lines).size() == 2);
        WebElement green = community.waitFor(By.xpath("//section[@data-venue='" + communityId
                + "']//tr[contains(@class,'resident-line') and contains(., '" + masked(NAME) + "')]"));
        assertEquals("绿码", green.findElements(By.tagName("td")).get(1).getText());
        assertFalse(green.getAttribute("class").contains("attention"));
        assertEquals("还没有居民登记此社区。", community.waitFor(By.cssSelector("section.community[data-venue='"
                + quietCommunityId + "'] p.no-residents")).getText());
        community.screenshot("community-worker-everyone");
    }


    @Test
    @Order(99)
    void noNameDocumentNumberOrPhoneReachedALog() throws IOException {
        for (Path log : platform.logs()) {
            String text = Files.readString(log);
            for (String personal : List.of(NAME, ID_NUMBER, PHONE, OTHER_NAME, OTHER_ID_NUMBER, PARENT_NAME, PARENT_ID_NUMBER)) {
                assertFalse(text.contains(personal), "personal data in " + log.getFileName());
            }
        }
    }

    /** Gives the checkpoint's page a picture of a code, as its file input would from the phone's camera. */
    private static WebElement scan(Path picture, String decision) {
        checkpoint.driver().findElement(By.id("scan-file")).sendKeys(picture.toAbsolutePath().toString());
        return checkpoint.waitFor(By.cssSelector("#verdict[data-decision=" + decision + "]"));
    }

    /** The one contact on the epidemiologist's page (its masked name), once the table shows just one. */
    private static String onlyContactShown() {
        return epidemiologist.until(d -> (String) epidemiologist.script(
                "const rows = document.querySelectorAll('#contacts tr.contact');"
                        + " return rows.length === 1 ? rows[0].cells[0].textContent : null;"));
    }

    /** Opens the filming phone on {@code film} (one at a time: a failed step's is closed here or at the end). */
    private static void filming(Path film) {
        closeFilming();
        filming = Browser.phoneFilming(film);
    }

    private static void closeFilming() {
        if (filming != null) {
            filming.close();
            filming = null;
        }
    }

    /** A name whose masked form differs from those of {@code others}, so the pages tell them apart. */
    private static String nameMaskedUnlike(String... others) {
        while (true) {
            String name = Residents.name();
            if (Stream.of(others).noneMatch(other -> masked(other).equals(masked(name)))) {
                return name;
            }
        }
    }

    private static String masked(String name) {
        return name.charAt(0) + "*" + name.charAt(name.length() - 1);
    }

    /** A token from Keycloak's password grant (on for the local realm's mini-program client). */
    private static String token(String username) {
        return given().baseUri(keycloakUrl).formParam("grant_type", "password").formParam("client_id", "mini-program")
                .formParam("username", username).formParam("password", PASSWORD)
                .post("/realms/healthcode/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    private static RequestSpecification as(String token) {
        return given().baseUri(gateway).auth().oauth2(token);
    }

    private static String awaitCode(String token) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            var answer = as(token).get("/api/v1/me/code");
            if (answer.statusCode() == 200 && "GREEN".equals(answer.jsonPath().getString("colour"))) {
                return answer.jsonPath().getString("token");
            }
            Processes.pause(Duration.ofMillis(300));
        }
        throw new AssertionError("no green code within 60 s");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
