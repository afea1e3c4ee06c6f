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
 * with an override and a second approves it. Screenshots of each page go to target/screenshots.
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

    // the resident on the page, and the one they met at the market
    private static final String NAME = Residents.name();
    private static final String ID_NUMBER = Residents.idNumber();
    private static final String PHONE = Residents.phone();
    private static final String OTHER_ID_NUMBER = Residents.idNumber();
    private static final String OTHER_NAME = Residents.name();
    private static Path qrImage;
    private static String venueId;
    private static String caseId;

    /** A failed step leaves each open page's screenshot and console behind, in target/screenshots. */
    @RegisterExtension
    static final TestExecutionExceptionHandler WHAT_THE_PAGES_SHOWED = (context, failure) -> {
        String step = context.getRequiredTestMethod().getName();
        StringBuilder consoles = new StringBuilder();
        String[] names = {"resident", "checkpoint", "authority", "epidemiologist"};
        Browser[] open = {resident, checkpoint, authority, epidemiologist};
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
        String admin = given().baseUri(keycloakUrl).formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post("/realms/master/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
        Map<String, Object> client = given().baseUri(keycloakUrl).auth().oauth2(admin).queryParam("clientId", "mini-program")
                .get("/admin/realms/healthcode/clients").then().statusCode(200).extract().path("[0]");
        List<Object> origins = new java.util.ArrayList<>((List<?>) client.get("webOrigins"));
        origins.add(origin);
        client.put("webOrigins", origins);
        given().baseUri(keycloakUrl).auth().oauth2(admin).contentType(ContentType.JSON).body(client)
                .put("/admin/realms/healthcode/clients/" + client.get("id")).then().statusCode(204);
    }

    @AfterAll
    static void stop() {
        for (Browser browser : new Browser[] {resident, checkpoint, authority, epidemiologist}) {
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
        Files.write(qrImage, resident.screenshotOf(By.id("my-qr")));
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
        checkpoint.type("venue-name", "城东农贸市场");
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
        Files.write(redQr, resident.screenshotOf(By.id("my-qr")));
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
            Files.write(qr, resident.screenshotOf(By.id("my-qr")));
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
    @Order(99)
    void noNameDocumentNumberOrPhoneReachedALog() throws IOException {
        for (Path log : platform.logs()) {
            String text = Files.readString(log);
            for (String personal : List.of(NAME, ID_NUMBER, PHONE, OTHER_NAME, OTHER_ID_NUMBER)) {
                assertFalse(text.contains(personal), "personal data in " + log.getFileName());
            }
        }
    }

    /** Gives the checkpoint's page a picture of a code, as its file input would from the phone's camera. */
    private static WebElement scan(Path picture, String decision) {
        checkpoint.driver().findElement(By.id("scan-file")).sendKeys(picture.toAbsolutePath().toString());
        return checkpoint.waitFor(By.cssSelector("#verdict[data-decision=" + decision + "]"));
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
