package org.healthcode.infra.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScrapeTest {

    @Test
    void aSamplesValueIsItsOwnNotThatOfTheExemplarTracingAddsAfterIt() {
        Scrape scrape = Scrape.of("""
                # TYPE healthcode_events_dead_lettered counter
                healthcode_events_dead_lettered_total{application="kit",topic="kit-probe"} 2.0 # {span_id="56cee991ab114da1",trace_id="97776f188c04a4dac06f138b1a5fdaf9"} 1.0 1796490109.797
                healthcode_events_dead_lettered_total{application="kit",topic="kit-probe-batch"} 3.0
                healthcode_outbox_backlog_events 7 1796490109797
                """);
        assertEquals(2.0, scrape.value("healthcode_events_dead_lettered_total", Map.of("topic", "kit-probe")));
        assertEquals(3.0, scrape.value("healthcode_events_dead_lettered_total", Map.of("topic", "kit-probe-batch")));
        assertEquals(7.0, scrape.value("healthcode_outbox_backlog_events", Map.of()));
    }
}
