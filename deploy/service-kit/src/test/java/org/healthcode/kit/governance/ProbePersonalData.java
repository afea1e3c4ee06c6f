package org.healthcode.kit.governance;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ProbePersonalData implements PersonalData {

    @Override
    public List<Expiring> expiring() {
        return List.of(new Expiring("probe_visit", "at"));
    }

    @Override
    public List<String> tables() {
        return List.of("probe_visit");
    }
}
