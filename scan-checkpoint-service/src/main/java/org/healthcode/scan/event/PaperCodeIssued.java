package org.healthcode.scan.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.healthcode.kit.code.SubjectId;
import org.healthcode.kit.event.EventReader.UnreadableEventException;
import org.healthcode.scan.domain.CurrentPaper;

/**
 * What this service reads of code-issuer's {@code paper-code-issued} event: a subject's newest
 * print, which revokes every earlier one. Other fields are ignored here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaperCodeIssued(String subjectId, String paperId, Instant issuedAt) {

    public static final String TOPIC = "paper-code-issued";

    /** The print to store; an event missing what a decision needs is unreadable (dead-lettered). */
    public CurrentPaper toCurrentPaper() {
        if (!SubjectId.isValid(subjectId) || paperId == null || !paperId.matches("[0-9]{12}") || issuedAt == null) {
            throw new UnreadableEventException("paper-code-issued lacks a valid subjectId, paperId or issuedAt");
        }
        return new CurrentPaper(subjectId, paperId, issuedAt);
    }
}
