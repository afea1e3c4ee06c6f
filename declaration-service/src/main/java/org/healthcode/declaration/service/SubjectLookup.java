package org.healthcode.declaration.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.healthcode.declaration.domain.Document;
import org.healthcode.declaration.domain.MaskedName;
import org.healthcode.declaration.domain.NamedSubject;
import org.healthcode.declaration.repository.PersonRepository;
import org.healthcode.declaration.service.StaffAudit.Read;
import org.healthcode.kit.web.ApiException;

/**
 * What staff learn about subjects (a masked name, the subject behind a document, the province a
 * subject belongs to), each read audited under the staff account of the bearer token (the gateway
 * forwards the user's token). Staff reach the people registered in their own province only: a
 * person of another province is refused (403 FORBIDDEN_PROVINCE) and the refusal audited in that
 * person's province, where its admin sees it.
 */
@ApplicationScoped
public class SubjectLookup {

    /** Where a subject belongs: {@code province} null for a document nobody has registered yet. */
    public record Jurisdiction(String subjectId, boolean registered, String province) {
    }

    private final PersonService persons;
    private final PersonRepository repository;
    private final StaffAudit audit;

    public SubjectLookup(PersonService persons, PersonRepository repository, StaffAudit audit) {
        this.persons = persons;
        this.repository = repository;
        this.audit = audit;
    }

    public Uni<MaskedName> maskedName(String actor, String callerProvince, String subjectId) {
        return persons.bySubject(subjectId)
                .call(person -> confined(actor, callerProvince, person.subjectId, person.province(),
                        "GET /v1/subjects/{subjectId}/masked-name"))
                .call(person -> audit.read(actor, StaffAudit.MASKED_NAME_READ,
                        new Read(person.subjectId, null, person.province())))
                .map(person -> new MaskedName(person.subjectId, person.maskedName));
    }

    /**
     * One audit line per subject answered; the unknown ones are neither answered nor audited, those
     * of another province are left out and their refusal audited.
     */
    public Uni<List<MaskedName>> maskedNames(String actor, String callerProvince, Collection<String> subjectIds) {
        return persons.maskedNames(subjectIds).call(found -> {
            List<NamedSubject> foreign = found.stream().filter(named -> !callerProvince.equals(named.province()))
                    .toList();
            List<Read> reads = found.stream().filter(named -> callerProvince.equals(named.province()))
                    .map(named -> new Read(named.subjectId(), null, named.province())).toList();
            Uni<Void> refusals = foreign.isEmpty() ? Uni.createFrom().voidItem()
                    : Uni.join().all(foreign.stream().map(named -> audit.crossProvince(actor,
                            new Read(named.subjectId(), "POST /v1/subjects/masked-names", named.province()),
                            callerProvince)).toList()).andFailFast().replaceWithVoid();
            return refusals.chain(() -> audit.reads(actor, StaffAudit.MASKED_NAME_READ, reads));
        }).map(found -> found.stream().filter(named -> callerProvince.equals(named.province()))
                .map(NamedSubject::masked).toList());
    }

    /**
     * Audited in the caller's province: the document's person may not have registered (no province
     * known). A person registered in another province is refused, and nothing is answered.
     */
    public Uni<PersonService.Resolution> resolve(String actor, String callerProvince, Document document) {
        return persons.resolve(document)
                .call(resolution -> jurisdictionOf(resolution.subjectId()).chain(where -> where.registered()
                        ? confined(actor, callerProvince, where.subjectId(), where.province(), "POST /v1/subjects/resolve")
                        : Uni.createFrom().voidItem()))
                .call(resolution -> audit.read(actor, StaffAudit.SUBJECT_RESOLVED,
                        new Read(resolution.subjectId(), null, callerProvince)));
    }

    /**
     * Whether a subject may be acted on in the caller's province: registered there, or not registered
     * at all (a case or a visit may precede the registration). Another service asks this with the
     * staff member's own token before it acts (contact-trace, before it records a case).
     */
    public Uni<Jurisdiction> jurisdiction(String actor, String callerProvince, String subjectId) {
        return jurisdictionOf(subjectId).call(where -> where.registered()
                ? confined(actor, callerProvince, subjectId, where.province(), "GET /v1/subjects/{subjectId}/jurisdiction")
                : Uni.createFrom().voidItem());
    }

    private Uni<Jurisdiction> jurisdictionOf(String subjectId) {
        return repository.findBySubjectId(subjectId).map(person -> person == null
                ? new Jurisdiction(subjectId, false, null)
                : new Jurisdiction(subjectId, true, person.province()));
    }

    private Uni<Void> confined(String actor, String callerProvince, String subjectId, String province, String call) {
        if (Objects.equals(callerProvince, province)) {
            return Uni.createFrom().voidItem();
        }
        return audit.crossProvince(actor, new Read(subjectId, call, province), callerProvince)
                .chain(() -> Uni.createFrom().failure(new ApiException(403, "FORBIDDEN_PROVINCE",
                        "This person belongs to another province")));
    }
}
