package org.healthcode.risk;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.healthcode.kit.governance.PersonalData;

/**
 * This service's personal data, for the kit's retention purge and end-of-emergency destruction.
 * Pseudonyms are personal data. Copies of declarations and check-ins expire with the retention
 * period like the originals; the rest (states, case decisions, traced contacts, overrides) goes
 * at the destruction. Rule sets, region levels and fever clinics are about no one and stay.
 */
@ApplicationScoped
public class RiskPersonalData implements PersonalData {

    @Override
    public List<Expiring> expiring() {
        return List.of(new Expiring("submission", "declared_at"), new Expiring("subject_travel", "declared_at"));
    }

    @Override
    public List<String> tables() {
        return List.of("risk_state", "submission", "subject_travel", "case_decision", "subject_contact",
                "colour_override");
    }
}
