package org.healthcode.trace;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.healthcode.kit.governance.PersonalData;

/**
 * The personal data this service holds, for the kit's retention purge and end-of-emergency
 * destruction. Visits expire: the purge deletes exactly those older than the retention period
 * (the hourly partition upkeep still drops whole months, which is cheaper, but a month is dropped
 * only once all of it has expired); a visitor's home province goes with their last visit. Cases, their decision log and their contacts are kept while
 * the emergency lasts and go with the destruction; the listed tables reference one another, so
 * they are emptied together.
 */
@ApplicationScoped
public class TracePersonalData implements PersonalData {

    @Override
    public List<Expiring> expiring() {
        return List.of(new Expiring("visit", "at"), new Expiring("visitor_home", "last_visit_at"));
    }

    @Override
    public List<String> tables() {
        return List.of("visit", "visitor_home", "contact", "case_decision", "trace_case");
    }
}
