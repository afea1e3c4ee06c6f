package org.healthcode.codeissuer;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.healthcode.kit.governance.PersonalData;

/**
 * The personal data this service holds, for the kit's end-of-emergency destruction: each subject's
 * current colour (a pseudonym with its colour and reasons) and current paper code (a pseudonym with
 * the reference of its latest print). Nothing here is a log, so nothing
 * expires with the retention period: a colour is replaced by the next one, and goes only with
 * everything else. The signing keys are configuration, not data about a person.
 */
@ApplicationScoped
public class CodeIssuerPersonalData implements PersonalData {

    @Override
    public List<Expiring> expiring() {
        return List.of();
    }

    @Override
    public List<String> tables() {
        return List.of("subject_colour", "paper_code");
    }
}
