package org.healthcode.declaration.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.healthcode.declaration.domain.AppealStatus;
import org.healthcode.declaration.service.AppealService.ReadAppeal;

/** An appeal in the authority's queue: the citizen's view plus the person's masked name. Never printed. */
public record QueuedAppeal(UUID id, String subjectId, String maskedName, AppealStatus status, String reason,
        Instant createdAt, AppealView.Answer answer) {

    public record Items(List<QueuedAppeal> items) {
    }

    public static QueuedAppeal of(ReadAppeal read) {
        var appeal = read.appeal();
        return new QueuedAppeal(appeal.id, appeal.subjectId, read.maskedName(), appeal.status, read.reason(),
                appeal.createdAt, AppealView.answer(read));
    }

    @Override
    public String toString() {
        return "QueuedAppeal[" + id + ", " + status + "]";
    }
}
