package org.healthcode.kit.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBatchTest {

    private record State(String subject, String colour, Instant at) {
    }

    private static final Instant T = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void eachSubjectKeepsItsLatestStateInTheOrderSubjectsFirstAppeared() {
        List<State> poll = List.of(new State("a", "RED", T), new State("b", "GREEN", T),
                new State("a", "YELLOW", T.plusSeconds(5)), new State("b", "RED", T.minusSeconds(5)),
                new State("c", "GREEN", T), new State("c", "YELLOW", T));
        assertEquals(List.of(new State("a", "YELLOW", T.plusSeconds(5)), new State("b", "GREEN", T),
                        new State("c", "YELLOW", T)),
                EventBatch.latestOfEach(poll, State::subject, State::at));
    }
}
