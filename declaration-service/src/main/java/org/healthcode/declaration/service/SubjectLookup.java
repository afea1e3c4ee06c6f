package org.healthcode.declaration.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.healthcode.declaration.domain.Document;
import org.healthcode.declaration.domain.MaskedName;
import org.healthcode.declaration.domain.NamedSubject;
import org.healthcode.declaration.service.StaffAudit.Read;

/**
 * What staff learn about subjects (a masked name, the subject behind a document), each read
 * audited under the staff account of the bearer token (the gateway forwards the user's token).
 */
@ApplicationScoped
public class SubjectLookup {

    private final PersonService persons;
    private final StaffAudit audit;

    public SubjectLookup(PersonService persons, StaffAudit audit) {
        this.persons = persons;
        this.audit = audit;
    }

    public Uni<MaskedName> maskedName(String actor, String subjectId) {
        return persons.bySubject(subjectId)
                .call(person -> audit.read(actor, StaffAudit.MASKED_NAME_READ,
                        new Read(person.subjectId, null, person.province())))
                .map(person -> new MaskedName(person.subjectId, person.maskedName));
    }

    /** One audit line per subject answered; the unknown ones are neither answered nor audited. */
    public Uni<List<MaskedName>> maskedNames(String actor, Collection<String> subjectIds) {
        return persons.maskedNames(subjectIds)
                .call(found -> audit.reads(actor, StaffAudit.MASKED_NAME_READ, found.stream()
                        .map(named -> new Read(named.subjectId(), null, named.province())).toList()))
                .map(found -> found.stream().map(NamedSubject::masked).toList());
    }

    /** Audited in the caller's province: the document's person may not have registered (no province known). */
    public Uni<PersonService.Resolution> resolve(String actor, String callerProvince, Document document) {
        return persons.resolve(document)
                .call(resolution -> audit.read(actor, StaffAudit.SUBJECT_RESOLVED,
                        new Read(resolution.subjectId(), null, callerProvince)));
    }
}
