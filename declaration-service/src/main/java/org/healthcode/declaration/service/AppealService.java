package org.healthcode.declaration.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.healthcode.declaration.crypto.IdentityCipher;
import org.healthcode.declaration.domain.Appeal;
import org.healthcode.declaration.domain.AppealStatus;
import org.healthcode.declaration.domain.AppealValidator.Answer;
import org.healthcode.declaration.domain.AppealValidator.Filing;
import org.healthcode.declaration.domain.AppealValidator.Queue;
import org.healthcode.declaration.domain.Person;
import org.healthcode.declaration.repository.AppealRepository;
import org.healthcode.declaration.repository.PersonRepository;
import org.healthcode.declaration.service.StaffAudit.Read;
import org.healthcode.kit.web.ApiException;

/**
 * Appeals against a colour: a citizen files them for themself or a dependent and reads the
 * answers; the authority of the person's province reads its queue and answers, every read and
 * answer audited. Reason and note are encrypted at rest and decrypted only into an answer.
 */
@ApplicationScoped
public class AppealService {

    /** An appeal with its texts in plain words, on the way to whoever may read them. Never printed. */
    public record ReadAppeal(Appeal appeal, String reason, String note, String maskedName) {

        @Override
        public String toString() {
            return "ReadAppeal[" + appeal + "]";
        }
    }

    private final AppealRepository appeals;
    private final PersonRepository personRows;
    private final PersonService persons;
    private final IdentityCipher cipher;
    private final ProvinceCalendar calendar;
    private final StaffAudit audit;

    public AppealService(AppealRepository appeals, PersonRepository personRows, PersonService persons,
            IdentityCipher cipher, ProvinceCalendar calendar, StaffAudit audit) {
        this.appeals = appeals;
        this.personRows = personRows;
        this.persons = persons;
        this.cipher = cipher;
        this.calendar = calendar;
        this.audit = audit;
    }

    /** Files an appeal for the account's own person or one of its dependents; one open appeal per person. */
    public Uni<ReadAppeal> file(String account, Filing filing) {
        return Panache.withTransaction(() -> persons.self(account)
                .chain(self -> appellant(self, filing.subjectId()))
                .chain(person -> appeals.hasOpen(person.id).chain(open -> open
                        ? Uni.createFrom().<Appeal>failure(alreadyOpen())
                        : appeals.persistAndFlush(newAppeal(person, filing.reason())))))
                .onFailure(failure -> UniqueViolation.constraint(failure) != null).transform(failure -> alreadyOpen())
                .map(appeal -> new ReadAppeal(appeal, filing.reason(), null, null));
    }

    /** The appeals of the account's own person and of its dependents, newest first. */
    public Uni<List<ReadAppeal>> mine(String account) {
        return Panache.withSession(() -> persons.self(account)
                .chain(self -> personRows.listDependents(self.id).chain(dependents -> {
                    List<UUID> ids = new ArrayList<>();
                    ids.add(self.id);
                    dependents.forEach(dependent -> ids.add(dependent.id));
                    return appeals.ofPersons(ids);
                })))
                .map(found -> found.stream().map(appeal -> decrypt(appeal, null)).toList());
    }

    /** The province's appeals in one status, oldest first, with masked names; one audit line each. */
    public Uni<List<ReadAppeal>> queue(String actor, String province, Queue queue) {
        return Panache.withSession(() -> appeals.queue(province, queue.status(), queue.limit())
                .chain(found -> found.isEmpty() ? Uni.createFrom().item(List.<ReadAppeal>of())
                        : personRows.findByIds(found.stream().map(appeal -> appeal.personId).distinct().toList())
                                .map(people -> withNames(found, people))))
                .call(read -> audit.reads(actor, StaffAudit.APPEAL_READ, read.stream()
                        .map(item -> new Read(item.appeal().subjectId, item.appeal().id.toString(),
                                item.appeal().province))
                        .toList()));
    }

    /**
     * Answers an open appeal of the caller's province. Another province's is refused (and the
     * refusal audited) before anything about it is told, even whether it was answered.
     */
    public Uni<ReadAppeal> answer(String actor, String callerProvince, String appealId, Answer answer) {
        UUID id;
        try {
            id = UUID.fromString(appealId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(notFound());
        }
        return Panache.withTransaction(() -> appeals.lock(id)
                .onItem().ifNull().failWith(AppealService::notFound)
                .chain(appeal -> {
                    Read touched = new Read(appeal.subjectId, appeal.id.toString(), appeal.province);
                    if (!appeal.province.equals(callerProvince)) {
                        return audit.crossProvince(actor, touched, callerProvince)
                                .chain(() -> Uni.createFrom().failure(new ApiException(403, "FORBIDDEN_PROVINCE",
                                        "The appeal belongs to another province")));
                    }
                    if (!appeal.isOpen()) {
                        return Uni.createFrom().failure(ApiException.conflict("ALREADY_ANSWERED",
                                "This appeal has already been answered"));
                    }
                    appeal.status = answer.decision().status();
                    appeal.noteEncrypted = cipher.encrypt(answer.note(), appeal.id);
                    appeal.answeredAt = calendar.now();
                    appeal.answeredBy = actor;
                    return audit.changed(actor, StaffAudit.APPEAL_ANSWERED, touched, answer.decision().name())
                            .replaceWith(appeal);
                }))
                .map(appeal -> new ReadAppeal(appeal, cipher.decrypt(appeal.reasonEncrypted, appeal.id), answer.note(),
                        null));
    }

    private Uni<Person> appellant(Person self, String subjectId) {
        if (subjectId == null || subjectId.equals(self.subjectId)) {
            return Uni.createFrom().item(self);
        }
        return personRows.findDependentBySubject(self.id, subjectId).onItem().ifNull()
                .failWith(() -> ApiException.notFound("DEPENDENT_NOT_FOUND",
                        "The subject is neither you nor one of your dependents"));
    }

    private Appeal newAppeal(Person person, String reason) {
        Appeal appeal = new Appeal();
        appeal.id = UUID.randomUUID();
        appeal.personId = person.id;
        appeal.subjectId = person.subjectId;
        appeal.province = person.province();
        appeal.reasonEncrypted = cipher.encrypt(reason, appeal.id);
        appeal.status = AppealStatus.OPEN;
        appeal.createdAt = calendar.now();
        return appeal;
    }

    private List<ReadAppeal> withNames(List<Appeal> found, List<Person> people) {
        Map<UUID, String> names = people.stream().collect(Collectors.toMap(person -> person.id,
                person -> person.maskedName));
        return found.stream().map(appeal -> decrypt(appeal, names.get(appeal.personId))).toList();
    }

    private ReadAppeal decrypt(Appeal appeal, String maskedName) {
        String note = appeal.noteEncrypted == null ? null : cipher.decrypt(appeal.noteEncrypted, appeal.id);
        return new ReadAppeal(appeal, cipher.decrypt(appeal.reasonEncrypted, appeal.id), note, maskedName);
    }

    private static ApiException alreadyOpen() {
        return ApiException.conflict("APPEAL_ALREADY_OPEN", "An appeal for this person is still waiting for an answer");
    }

    private static ApiException notFound() {
        return ApiException.notFound("APPEAL_NOT_FOUND", "No such appeal");
    }
}
