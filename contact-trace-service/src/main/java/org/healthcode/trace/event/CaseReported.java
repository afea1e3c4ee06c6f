package org.healthcode.trace.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import org.healthcode.trace.domain.CaseStatus;
import org.healthcode.trace.service.CaseDecision;

/**
 * The part of a {@code case-reported} event (producer declaration-service: the health authority's
 * case list from the disease-control system) that recording the case needs: the subject, CONFIRMED or
 * SUSPECTED, the onset day when the list names one, the importing province (the case's) and the
 * import. Other fields (reportedAt, importRow) are ignored, as are fields added later.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseReported(String subjectId, String status, LocalDate onsetDate, String province, UUID importId) {

    public static final String TOPIC = "case-reported";

    private static final Pattern SUBJECT_ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final Pattern PROVINCE = Pattern.compile("[0-9]{2}0000");

    /** Who the case's decision log names as having decided: the import, not a staff account. */
    public String decidedBy() {
        return "import " + importId;
    }

    /**
     * The decision the list stands for, counted in the province, or null when a field it needs is
     * missing or not a known value (a status other than CONFIRMED or SUSPECTED: a list clears nobody).
     */
    public CaseDecision toDecision() {
        if (subjectId == null || !SUBJECT_ID.matcher(subjectId).matches() || province == null
                || !PROVINCE.matcher(province).matches() || importId == null) {
            return null;
        }
        CaseStatus parsed;
        if ("CONFIRMED".equals(status)) {
            parsed = CaseStatus.CONFIRMED;
        } else if ("SUSPECTED".equals(status)) {
            parsed = CaseStatus.SUSPECTED;
        } else {
            return null;
        }
        return new CaseDecision(subjectId, parsed, onsetDate, null, province, decidedBy());
    }
}
