package org.healthcode.risk.service;

import java.util.List;
import java.util.stream.Collectors;
import org.healthcode.risk.domain.Colour;
import org.healthcode.risk.domain.Reason;

/**
 * The audit trail's account of a change of a subject's state: from which colour to which, what
 * caused it (an event id, an override, the review job), under which rule version, for which
 * reasons. Codes and ids only.
 */
final class ColourChangeAudit {

    static final String ACTION = "COLOUR_CHANGED";

    private ColourChangeAudit() {
    }

    /**
     * e.g. {@code GREEN->RED cause=<eventId> rules=v2 reasons=HIGH_RISK_TRAVEL}; a first state is
     * from {@code none}.
     */
    static String detail(Colour from, Colour to, String cause, int ruleSetVersion, List<Reason> reasons) {
        String codes = reasons.isEmpty() ? "none"
                : reasons.stream().map(r -> r.code().name()).collect(Collectors.joining(","));
        return (from == null ? "none" : from.name()) + "->" + to.name() + " cause=" + cause + " rules=v"
                + ruleSetVersion + " reasons=" + codes;
    }
}
