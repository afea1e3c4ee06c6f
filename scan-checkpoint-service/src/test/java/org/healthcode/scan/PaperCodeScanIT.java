package org.healthcode.scan;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.healthcode.kit.code.Colour;
import org.junit.jupiter.api.Test;

/**
 * A printed paper code at the checkpoint: no colour in it, so the holder's colour now decides; a
 * print that a newer one replaced is refused; the decision says it was a paper code.
 */
@QuarkusTest
@QuarkusTestResource(ScanServiceResource.class)
class PaperCodeScanIT {

    @Inject
    Pool pool;
    @Inject
    ObjectMapper json;

    @Test
    void aPaperCodeIsDecidedByTheColourNowAndAReplacedPrintIsRefused() throws Exception {
        String venueId = Checkpoints.venue("MARKET").getString("id");
        String subject = Checkpoints.subject();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Checkpoints.colour(pool, subject, Colour.GREEN, now);
        String old = Checkpoints.paperCode("k1", subject, "111122223333", Duration.ofDays(180),
                Clock.fixed(now.minusSeconds(60), ZoneOffset.UTC));
        Checkpoints.paperIssued(pool, subject, "111122223333", now.minusSeconds(60));

        String scanId = Checkpoints.scanId();
        Checkpoints.scan(old, venueId, scanId).statusCode(200).body("decision", equalTo("ALLOW"))
                .body("reason", nullValue()).body("colour", equalTo("GREEN")).body("mode", equalTo("PAPER_CODE"))
                .body("subjectId", equalTo(subject));
        JsonNode data = json.readTree(Checkpoints.published(subject, 1, Duration.ofSeconds(20)).get(0).value())
                .get("data");
        assertEquals("PAPER_CODE", data.get("mode").asText(), "the visit says it was a paper code");
        assertEquals(1, Checkpoints.count(pool,
                "select count(*) from scan_attempt where scan_id = $1 and mode = 'PAPER_CODE'", scanId));

        Checkpoints.colour(pool, subject, Colour.RED, now.plusSeconds(1));
        Checkpoints.scan(old, venueId, Checkpoints.scanId()).statusCode(200).body("decision", equalTo("DENY"))
                .body("reason", equalTo("COLOUR_RED")).body("mode", equalTo("PAPER_CODE"));
        Checkpoints.colour(pool, subject, Colour.GREEN, now.plusSeconds(2));

        // A newer print scans before its event arrives; once it has, the old print is refused.
        String newer = Checkpoints.paperCode("k1", subject, "444455556666", Duration.ofDays(180), Clock.systemUTC());
        Checkpoints.scan(newer, venueId, Checkpoints.scanId()).statusCode(200).body("decision", equalTo("ALLOW"));
        Checkpoints.paperIssued(pool, subject, "444455556666", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Checkpoints.scan(old, venueId, Checkpoints.scanId()).statusCode(200).body("decision", equalTo("DENY"))
                .body("reason", equalTo("PAPER_CODE_REPLACED")).body("colour", nullValue())
                .body("mode", equalTo("PAPER_CODE"));
        Checkpoints.scan(newer, venueId, Checkpoints.scanId()).statusCode(200).body("decision", equalTo("ALLOW"));
    }

    @Test
    void anExpiredPaperCodeAndOneWithoutAColourAreRefusedAndAPhoneCodeIsNoPaperCode() throws Exception {
        String venueId = Checkpoints.venue("MALL").getString("id");
        String subject = Checkpoints.subject();
        Checkpoints.scan(Checkpoints.paperCode("k1", subject, "777788889999", Duration.ofDays(180), Clock.systemUTC()),
                venueId, Checkpoints.scanId()).statusCode(200).body("decision", equalTo("DENY"))
                .body("reason", equalTo("NO_COLOUR")).body("mode", equalTo("PAPER_CODE"));

        Checkpoints.colour(pool, subject, Colour.GREEN, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Clock halfAYearAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(181)), ZoneOffset.UTC);
        Checkpoints.scan(Checkpoints.paperCode("k1", subject, "777788889999", Duration.ofDays(180), halfAYearAgo),
                venueId, Checkpoints.scanId()).statusCode(200).body("decision", equalTo("DENY"))
                .body("reason", equalTo("EXPIRED")).body("colour", nullValue()).body("mode", equalTo("PAPER_CODE"));

        Checkpoints.scan(Checkpoints.code("k1", "330000", subject, Colour.GREEN, false), venueId, Checkpoints.scanId())
                .statusCode(200).body("decision", equalTo("ALLOW")).body("mode", equalTo("OPERATOR_SCAN"));
    }
}
