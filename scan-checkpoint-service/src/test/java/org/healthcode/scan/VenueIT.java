package org.healthcode.scan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Venues of every type, transport ones per carriage, and their printable posters. */
@QuarkusTest
@QuarkusTestResource(ScanServiceResource.class)
class VenueIT {

    @Test
    void aVenueIsRegisteredWithAPosterCodeAndItsPosterScansBackToIt() throws Exception {
        JsonPath venue = Checkpoints.venue("MARKET");
        String id = venue.getString("id");
        assertEquals("HCV1." + id + ".", venue.getString("posterCode").substring(0, 42));
        given().auth().oauth2(TestTokens.staff("auth", "authority", "330000")).get("/v1/venues/{id}", id).then()
                .statusCode(200).body("name", equalTo(venue.getString("name"))).body("type", equalTo("MARKET"))
                .body("regionCode", equalTo("330106")).body("address", equalTo("延安路98号"))
                .body("vehicle", nullValue()).body("posterCode", equalTo(venue.getString("posterCode")));

        byte[] png = given().auth().oauth2(Checkpoints.STAFF).get("/v1/venues/{id}/poster.png", id).then()
                .statusCode(200).contentType("image/png").extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
        assertEquals(venue.getString("posterCode"), decoded);
    }

    @Test
    void aResidentSeesAVenuesNameTypeAndRegionOnlyAndStaffRoutesStayClosedToThem() {
        JsonPath venue = Checkpoints.venue("RESIDENTIAL_COMMUNITY");
        String id = venue.getString("id");
        String resident = TestTokens.citizen("resident-" + id);
        given().auth().oauth2(resident).get("/v1/venues/{id}/place", id).then().statusCode(200)
                .body("id", equalTo(id)).body("type", equalTo("RESIDENTIAL_COMMUNITY"))
                .body("regionCode", equalTo("330106")).body("province", equalTo("330000"))
                .body("name", equalTo(venue.getString("name")))
                .body("address", nullValue()).body("posterCode", nullValue());
        given().auth().oauth2(resident).get("/v1/venues/{id}/place", "not-a-venue").then().statusCode(404)
                .body("error", equalTo("VENUE_NOT_FOUND"));
        given().auth().oauth2(resident).get("/v1/venues/{id}", id).then().statusCode(403);
        given().auth().oauth2(Checkpoints.STAFF).get("/v1/venues/{id}/place", id).then().statusCode(403);
    }

    @Test
    void eachCarriageOfATripIsOneVenue() {
        int train = 1000 + new java.security.SecureRandom().nextInt(9000);
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        Map<String, Object> carriage = new HashMap<>(Map.of("name", "杭州东-上海虹桥", "type", "TRAIN",
                "regionCode", "330102", "address", "杭州东站", "vehicle", "g " + train, "tripDate", tomorrow,
                "carriage", "05"));
        JsonPath first = register(carriage).statusCode(201).body("vehicle", equalTo("G" + train))
                .body("tripDate", equalTo(tomorrow)).body("carriage", equalTo("05")).extract().jsonPath();
        carriage.put("vehicle", "G" + train);
        register(carriage).statusCode(200).body("id", equalTo(first.getString("id")));
        carriage.put("carriage", "06");
        register(carriage).statusCode(201).body("id", not(equalTo(first.getString("id"))));
    }

    @Test
    void badVenuesAreRefusedFieldByFieldWithoutEchoingThem() {
        register(Map.of("name", " ", "type", "CASINO", "regionCode", "999999", "address", "x")).statusCode(400)
                .body("error", equalTo("VALIDATION_FAILED"))
                .body("details.field", containsInAnyOrder("name", "type", "regionCode"))
                .body(not(org.hamcrest.Matchers.containsString("CASINO")));
        register(Map.of("name", "公交 K101", "type", "BUS", "regionCode", "330106", "address", "文三路"))
                .statusCode(400).body("details.field", containsInAnyOrder("vehicle", "carriage", "tripDate"));
        register(Map.of("name", "航班", "type", "FLIGHT", "regionCode", "330106", "address", "萧山机场", "vehicle", "CA982",
                "tripDate", "23/11/2026", "carriage", "F")).statusCode(400).body("details.field", contains("tripDate"));
        register(Map.of("name", "航班", "type", "FLIGHT", "regionCode", "330106", "address", "萧山机场", "vehicle", "CA982",
                "tripDate", "0001-01-01", "carriage", "F")).statusCode(400).body("details.field", contains("tripDate"));
        register(Map.of("name", "航班", "type", "FLIGHT", "regionCode", "330106", "address", "萧山机场", "vehicle", "CA982",
                "tripDate", 20261123, "carriage", "F")).statusCode(400).body("details.field", contains("tripDate"));
        register(Map.of("name", "公园", "type", "PARK", "regionCode", "330106", "address", "孤山", "carriage", "1"))
                .statusCode(400).body("details.field", contains("carriage"));
        given().auth().oauth2(Checkpoints.STAFF).contentType(ContentType.JSON).body("{\"name\":").post("/v1/venues")
                .then().statusCode(400);
    }

    @Test
    void staffManageTheirOwnProvincesVenuesOnly() {
        String id = Checkpoints.venue("PARK").getString("id");
        String shanghai = TestTokens.staff("cp-sh", "checkpoint", "310000");
        given().auth().oauth2(shanghai).get("/v1/venues/{id}", id).then().statusCode(403)
                .body("error", equalTo("FORBIDDEN_PROVINCE"));
        given().auth().oauth2(shanghai).get("/v1/venues/{id}/poster.png", id).then().statusCode(403);
        given().auth().oauth2(shanghai).contentType(ContentType.JSON)
                .body(Map.of("name", "西湖", "type", "PARK", "regionCode", "330106", "address", "孤山"))
                .post("/v1/venues").then().statusCode(403).body("error", equalTo("FORBIDDEN_PROVINCE"));
        given().auth().oauth2(TestTokens.citizen("c")).get("/v1/venues/{id}", id).then().statusCode(403);
        given().auth().oauth2(Checkpoints.STAFF).get("/v1/venues/{id}", "not-a-uuid").then().statusCode(404)
                .body("error", equalTo("VENUE_NOT_FOUND"));
        given().auth().oauth2(Checkpoints.STAFF).get("/v1/venues/{id}", "00000000-0000-4000-8000-000000000000").then()
                .statusCode(404);
    }

    private static io.restassured.response.ValidatableResponse register(Map<String, Object> venue) {
        return given().auth().oauth2(Checkpoints.STAFF).contentType(ContentType.JSON).body(venue).post("/v1/venues").then();
    }
}
