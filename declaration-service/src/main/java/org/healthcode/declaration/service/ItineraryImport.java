package org.healthcode.declaration.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.healthcode.declaration.domain.Declaration;
import org.healthcode.declaration.domain.DeclarationContent;
import org.healthcode.declaration.domain.DeclarationKind;
import org.healthcode.declaration.domain.DeclarationSource;
import org.healthcode.declaration.domain.DeclarationValidator;
import org.healthcode.declaration.domain.Document;
import org.healthcode.declaration.domain.DocumentForm;
import org.healthcode.declaration.domain.Person;
import org.healthcode.declaration.domain.RegistrationValidator;
import org.healthcode.declaration.event.DeclarationSubmitted;
import org.healthcode.declaration.repository.DeclarationRepository;
import org.healthcode.declaration.repository.PersonRepository;
import org.healthcode.kit.audit.AuditEntry;
import org.healthcode.kit.audit.AuditEntry.Outcome;
import org.healthcode.kit.audit.AuditTrail;
import org.healthcode.kit.event.Outbox;
import org.healthcode.kit.imports.ImportKind;
import org.healthcode.kit.imports.ImportReport;
import org.healthcode.kit.imports.ImportRow;
import org.healthcode.kit.imports.RowRefused;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;

/**
 * The health authority's itineraries (a transport or border system's record of where a person
 * went): each row is a document, the regions passed through and the dates, and becomes travel
 * counted like declared travel, from source AUTHORITY (a declaration of kind TRAVEL, published as
 * {@code declaration-submitted}). The person need not have registered: the fact belongs to the
 * document's pseudonym, and colours the code once they do. A person registered in another province
 * is that province's to act on: their row is refused (FORBIDDEN_PROVINCE) and the refusal audited.
 */
@ApplicationScoped
public class ItineraryImport implements ImportKind<ItineraryImport.Itinerary> {

    public static final String KIND = "ITINERARY";
    public static final String TRAVEL_IMPORTED = "AUTHORITY_TRAVEL_IMPORTED";
    static final String ROUTE = "POST /v1/imports/itineraries";

    /** A row as checked: the pseudonym (the document goes no further) and the stays. */
    public record Itinerary(String subjectId, List<DeclarationContent.Travel> travel) {
    }

    private final PersonService persons;
    private final PersonRepository personRepository;
    private final DeclarationRepository declarations;
    private final Outbox outbox;
    private final AuditTrail trail;
    private final StaffAudit audit;
    private final ProvinceCalendar calendar;
    private final ObjectMapper json;

    public ItineraryImport(PersonService persons, PersonRepository personRepository,
            DeclarationRepository declarations, Outbox outbox, AuditTrail trail, StaffAudit audit,
            ProvinceCalendar calendar, ObjectMapper json) {
        this.persons = persons;
        this.personRepository = personRepository;
        this.declarations = declarations;
        this.outbox = outbox;
        this.trail = trail;
        this.audit = audit;
        this.calendar = calendar;
        this.json = json;
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public List<String> columns() {
        return List.of("documentType", "documentNumber", "regions", "from", "to");
    }

    @Override
    public Itinerary read(ImportRow row) {
        try {
            Document document = RegistrationValidator.document(
                    new DocumentForm(row.required("documentType"), row.required("documentNumber")), calendar.today());
            List<String> regions = Arrays.stream(row.required("regions").split("[;,|\\s]+"))
                    .filter(code -> !code.isBlank()).toList();
            List<DeclarationContent.Travel> travel = DeclarationValidator.itinerary(regions, row.required("from"),
                    row.required("to"), calendar.today());
            return new Itinerary(persons.subjectIdOf(document), travel);
        } catch (ApiException e) {
            ApiError.Detail first = e.toError().details().isEmpty() ? new ApiError.Detail(null, e.getMessage())
                    : e.toError().details().get(0);
            throw new RowRefused("is required".equals(first.problem()) ? RowRefused.MISSING_FIELD
                    : RowRefused.INVALID_FIELD, first.field(), first.problem());
        }
    }

    /** The same person through the same regions on the same dates is one fact. */
    @Override
    public String key(Itinerary itinerary) {
        return itinerary.subjectId() + "|" + itinerary.travel().stream()
                .map(stay -> stay.regionCode() + "/" + stay.from() + "/" + stay.to()).sorted()
                .collect(Collectors.joining(","));
    }

    @Override
    public Uni<List<ImportReport.Refusal>> apply(List<Read<Itinerary>> rows, Context context) {
        List<String> subjects = rows.stream().map(row -> row.value().subjectId()).distinct().toList();
        return personRepository.findBySubjectIds(subjects).chain(found -> {
            Map<String, Person> registered = found.stream()
                    .collect(Collectors.toMap(person -> person.subjectId, Function.identity()));
            List<ImportReport.Refusal> refused = new ArrayList<>();
            List<Uni<Void>> refusals = new ArrayList<>();
            List<Declaration> stored = new ArrayList<>();
            List<Outbox.Keyed> events = new ArrayList<>();
            List<AuditEntry> changes = new ArrayList<>();
            for (Read<Itinerary> row : rows) {
                String subjectId = row.value().subjectId();
                Person person = registered.get(subjectId);
                if (person != null && !context.province().equals(person.province())) {
                    refused.add(new ImportReport.Refusal(row.row(), "FORBIDDEN_PROVINCE", null,
                            "the person is registered in another province"));
                    refusals.add(audit.crossProvince(context.actor(),
                            new StaffAudit.Read(subjectId, ROUTE, person.province()), context.province()));
                    continue;
                }
                Declaration declaration = new Declaration();
                declaration.id = UUID.randomUUID();
                declaration.kind = DeclarationKind.TRAVEL;
                declaration.source = DeclarationSource.AUTHORITY;
                declaration.subjectId = subjectId;
                declaration.payload = toJson(Map.of("travel", row.value().travel()));
                declaration.declaredAt = context.at();
                stored.add(declaration);
                // an unregistered person's home region is unknown: the importing province stands for it
                String regionCode = person != null ? person.regionCode : context.province();
                events.add(new Outbox.Keyed(subjectId, DeclarationSubmitted.authorityTravel(declaration.id,
                        subjectId, regionCode, row.value().travel(), context.at())));
                changes.add(new AuditEntry(context.at(), context.actor(), TRAVEL_IMPORTED, Outcome.CHANGED,
                        subjectId, "import " + context.importId(), context.province(),
                        "declaration " + declaration.id));
            }
            Uni<Void> refusalsAudited = refusals.isEmpty() ? Uni.createFrom().voidItem()
                    : Uni.join().all(refusals).andFailFast().replaceWithVoid();
            return refusalsAudited
                    .chain(() -> stored.isEmpty() ? Uni.createFrom().voidItem() : declarations.persist(stored))
                    .chain(() -> outbox.publishAll(DeclarationSubmitted.TOPIC, events))
                    .chain(() -> trail.recordAllWithin(changes))
                    .replaceWith(refused);
        });
    }

    private String toJson(Object content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("itinerary not serialisable", e);
        }
    }
}
