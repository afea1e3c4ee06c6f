package org.healthcode.declaration.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.healthcode.declaration.domain.AppealStatus;
import org.healthcode.declaration.service.AppealService.ReadAppeal;

/**
 * An appeal as its citizen (or their guardian) sees it: the authority's note and decision, never
 * who answered. Carries personal text, so it never prints it.
 */
public record AppealView(UUID id, String subjectId, AppealStatus status, String reason, Instant createdAt,
        Answer answer) {

    /** The authority's answer; null while the appeal is open. */
    public record Answer(AppealStatus decision, String note, Instant answeredAt) {

        @Override
        public String toString() {
            return "Answer[" + decision + "]";
        }
    }

    public record Items(List<AppealView> items) {
    }

    public static AppealView of(ReadAppeal read) {
        var appeal = read.appeal();
        return new AppealView(appeal.id, appeal.subjectId, appeal.status, read.reason(), appeal.createdAt,
                answer(read));
    }

    static Answer answer(ReadAppeal read) {
        return read.appeal().isOpen() ? null : new Answer(read.appeal().status, read.note(), read.appeal().answeredAt);
    }

    @Override
    public String toString() {
        return "AppealView[" + id + ", " + status + "]";
    }
}
