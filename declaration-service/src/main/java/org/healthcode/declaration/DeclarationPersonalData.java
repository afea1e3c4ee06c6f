package org.healthcode.declaration;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.healthcode.kit.governance.PersonalData;

/**
 * The personal data this service holds, for the kit's retention purge and end-of-emergency
 * destruction. Declarations and daily check-ins (one table, by kind) expire by when they were
 * declared (authority travel, kind TRAVEL, with them), the kit's record of imports by when they were
 * taken in; registrations (persons, dependents), appeals,
 * organisations, memberships and named communities do not expire, and go only with
 * everything else at the end of the emergency. Listed together because of their foreign keys.
 */
@ApplicationScoped
public class DeclarationPersonalData implements PersonalData {

    @Override
    public List<Expiring> expiring() {
        return List.of(new Expiring("declaration", "declared_at"), new Expiring("import_row", "at"),
                new Expiring("import_batch", "at"));
    }

    @Override
    public List<String> tables() {
        return List.of("community_member", "membership", "organisation", "appeal", "declaration", "person",
                "import_row", "import_batch");
    }
}
