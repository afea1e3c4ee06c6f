package org.healthcode.risk.repository;

import java.util.List;
import org.healthcode.risk.domain.Reason;

/**
 * A subject's active reasons as {@code risk_state.reasons} holds them: the jsonb object
 * {@code {"reasons": [{code, colour, since, until}]}}. An object rather than a bare array because
 * Hibernate Reactive binds a JSON column as a Vert.x JsonObject, which a top-level array is not
 * (hibernate-reactive#4156).
 */
public record StoredReasons(List<Reason> reasons) {

    public static final StoredReasons NONE = new StoredReasons(List.of());

    public StoredReasons {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
