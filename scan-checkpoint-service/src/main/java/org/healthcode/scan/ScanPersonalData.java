package org.healthcode.scan;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.healthcode.kit.governance.PersonalData;

/**
 * The personal data this service holds, for the kit's retention purge and end-of-emergency
 * destruction. The scan log ({@code scan_attempt}: operator scans, ID-card lookups, poster
 * check-ins and companions, each with a pseudonym), the contacts other provinces sent here and those
 * found here to send to visitors' homes (sent or not) expire after the retention period; the copy of
 * each subject's colour is kept while it is current and goes only with everything else. Venues are
 * places, not people, and stay; so do the venue types where a code is no longer required.
 */
@ApplicationScoped
public class ScanPersonalData implements PersonalData {

    @Override
    public List<Expiring> expiring() {
        return List.of(new Expiring("scan_attempt", "at"), new Expiring("federation_contact_received", "received_at"),
                new Expiring("federation_contact_outgoing", "created_at"));
    }

    @Override
    public List<String> tables() {
        return List.of("scan_attempt", "subject_colour", "paper_code", "federation_contact_received",
                "federation_contact_outgoing");
    }
}
