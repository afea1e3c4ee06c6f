package org.healthcode.declaration.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.healthcode.declaration.crypto.IdentityCipher;
import org.healthcode.declaration.crypto.Pseudonyms;
import org.healthcode.declaration.domain.Document;
import org.healthcode.declaration.domain.Identity;
import org.healthcode.declaration.domain.Masking;
import org.healthcode.declaration.domain.NamedSubject;
import org.healthcode.declaration.domain.Person;
import org.healthcode.declaration.domain.Relation;
import org.healthcode.declaration.repository.PersonRepository;
import org.healthcode.kit.web.ApiException;

/** Registration of account holders and their dependents, and finding them again. */
@ApplicationScoped
public class PersonService {

    public static final int MAX_DEPENDENTS = 5;

    private final PersonRepository persons;
    private final Pseudonyms pseudonyms;
    private final IdentityCipher cipher;
    private final ProvinceCalendar calendar;
    private final StaffAudit audit;

    public PersonService(PersonRepository persons, Pseudonyms pseudonyms, IdentityCipher cipher,
            ProvinceCalendar calendar, StaffAudit audit) {
        this.persons = persons;
        this.pseudonyms = pseudonyms;
        this.cipher = cipher;
        this.calendar = calendar;
        this.audit = audit;
    }

    public Uni<Person> registerSelf(String account, Identity identity) {
        return Panache.withTransaction(() -> persons.findByAccount(account).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(alreadyRegistered());
            }
            Person person = newPerson(identity);
            person.accountSubject = account;
            return insert(person);
        })).onFailure(PersonService::isUniqueViolation).transform(PersonService::conflict);
    }

    public Uni<Person> registerDependent(String account, Identity identity, Relation relation) {
        // The guardian's row is locked so that two simultaneous registrations cannot both be the 5th.
        return Panache.withTransaction(() -> persons.lockByAccount(account)
                .onItem().ifNull().failWith(PersonService::notRegistered)
                .chain(guardian -> persons.countDependents(guardian.id).chain(count -> {
                    if (count >= MAX_DEPENDENTS) {
                        return Uni.createFrom().failure(ApiException.conflict("TOO_MANY_DEPENDENTS",
                                "A guardian can register at most " + MAX_DEPENDENTS + " dependents"));
                    }
                    Person dependent = newPerson(identity);
                    dependent.guardianId = guardian.id;
                    dependent.relation = relation;
                    return insert(dependent);
                })))
                .onFailure(PersonService::isUniqueViolation).transform(PersonService::conflict);
    }

    public Uni<Person> self(String account) {
        return persons.findByAccount(account).onItem().ifNull().failWith(PersonService::notRegistered);
    }

    public Uni<List<Person>> dependents(String account) {
        return self(account).chain(guardian -> persons.listDependents(guardian.id));
    }

    /**
     * The caller's own dependent; anyone else's, or an id that is no dependent at all, is not found.
     * Reaching for a person who is not one's own dependent is audited (in that person's province).
     */
    public Uni<Person> dependent(String account, String dependentId) {
        UUID id;
        try {
            id = UUID.fromString(dependentId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(dependentNotFound());
        }
        return self(account).chain(guardian -> persons.findDependent(guardian.id, id))
                .onItem().ifNull().switchTo(() -> persons.findById(id).chain(other -> other == null
                        ? Uni.createFrom().failure(dependentNotFound())
                        : audit.refused(account, StaffAudit.OTHERS_DEPENDENT,
                                new StaffAudit.Read(other.subjectId, "dependent " + id, other.province()))
                                .chain(() -> Uni.createFrom().failure(dependentNotFound()))));
    }

    public Uni<Person> bySubject(String subjectId) {
        return persons.findBySubjectId(subjectId).onItem().ifNull()
                .failWith(() -> ApiException.notFound("SUBJECT_NOT_FOUND", "No person has this subjectId"));
    }

    /**
     * The subject of a document, registered or not: the pseudonym is a keyed hash of the document,
     * so a case can be recorded (or a visit looked up) before the person ever registers.
     */
    public Uni<Resolution> resolve(Document document) {
        String subjectId = pseudonyms.subjectId(document.type(), document.number());
        return persons.existsBySubjectId(subjectId).map(registered -> new Resolution(subjectId, registered));
    }

    public record Resolution(String subjectId, boolean registered) {
    }

    /** The pseudonym of a checked document, registered or not. */
    public String subjectIdOf(Document document) {
        return pseudonyms.subjectId(document.type(), document.number());
    }

    /** Masked names of the registered ones among these subjects; the others are simply absent. */
    public Uni<List<NamedSubject>> maskedNames(Collection<String> subjectIds) {
        return persons.maskedNames(subjectIds);
    }

    private Person newPerson(Identity identity) {
        Person person = new Person();
        person.id = UUID.randomUUID();
        person.subjectId = pseudonyms.subjectId(identity.documentType(), identity.documentNumber());
        person.documentType = identity.documentType();
        person.regionCode = identity.regionCode();
        person.nameEncrypted = cipher.encrypt(identity.name(), person.id);
        person.maskedName = Masking.name(identity.name());
        person.documentNumberEncrypted = cipher.encrypt(identity.documentNumber(), person.id);
        person.maskedDocumentNumber = Masking.documentNumber(identity.documentType(), identity.documentNumber());
        if (identity.phone() != null) {
            person.phoneEncrypted = cipher.encrypt(identity.phone(), person.id);
            person.maskedPhone = Masking.phone(identity.phone());
        }
        person.registeredAt = calendar.now();
        return person;
    }

    private Uni<Person> insert(Person person) {
        return persons.findBySubjectId(person.subjectId).chain(existing -> existing != null
                ? Uni.createFrom().failure(documentAlreadyRegistered())
                : persons.persistAndFlush(person));
    }

    /** A registration that raced another one past the checks above and lost at the unique index. */
    private static boolean isUniqueViolation(Throwable failure) {
        return UniqueViolation.constraint(failure) != null;
    }

    private static ApiException conflict(Throwable failure) {
        String constraint = UniqueViolation.constraint(failure);
        return constraint != null && constraint.contains("account_subject") ? alreadyRegistered()
                : documentAlreadyRegistered();
    }

    private static ApiException notRegistered() {
        return ApiException.notFound("NOT_REGISTERED", "No person is registered for this account yet");
    }

    private static ApiException alreadyRegistered() {
        return ApiException.conflict("ALREADY_REGISTERED", "This account has already registered a person");
    }

    private static ApiException documentAlreadyRegistered() {
        return ApiException.conflict("DOCUMENT_ALREADY_REGISTERED", "A person with this document is already registered");
    }

    private static ApiException dependentNotFound() {
        return ApiException.notFound("DEPENDENT_NOT_FOUND", "No such dependent of this account");
    }
}
