package org.healthcode.declaration.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.healthcode.declaration.DeclarationConfig;
import org.healthcode.declaration.domain.Document;
import org.healthcode.declaration.domain.DocumentForm;
import org.healthcode.declaration.domain.Person;
import org.healthcode.declaration.domain.RegistrationValidator;
import org.healthcode.declaration.event.CaseReported;
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
 * The health authority's case lists (the disease-control system's confirmed and suspected cases):
 * each row names a document's holder as a CONFIRMED or SUSPECTED case, reported at a time, and is
 * published as {@code case-reported}, so that contact tracing records the case as the authority's
 * case call would (and traces a confirmed one). The document goes no further than its pseudonym.
 *
 * <p>{@code reportedAt} is an ISO-8601 date-time, with an offset or local (read in the province's
 * time zone), not in the future and at most 30 days ago; {@code onsetDate} (optional) an ISO date,
 * not in the future and within the last year.
 *
 * <p>A person registered in another province is that province's case to record: their row is
 * refused (FORBIDDEN_PROVINCE) and the refusal audited, as for itineraries. A person not registered
 * anywhere is this province's: a case may precede the registration.
 */
@ApplicationScoped
public class CaseListImport implements ImportKind<CaseListImport.ReportedCase> {

    public static final String KIND = "CASE_LIST";
    public static final String CASE_IMPORTED = "AUTHORITY_CASE_IMPORTED";
    public static final Set<String> STATUSES = Set.of("CONFIRMED", "SUSPECTED");
    static final String ROUTE = "POST /v1/imports/cases";

    static final Duration OLDEST_REPORT = Duration.ofDays(30);
    static final int OLDEST_ONSET_DAYS = 365;

    /** A row as checked: the pseudonym, the status, when it was reported, and the onset (or null). */
    public record ReportedCase(String subjectId, String status, Instant reportedAt, LocalDate onsetDate) {
    }

    private final PersonService persons;
    private final PersonRepository personRepository;
    private final Outbox outbox;
    private final AuditTrail trail;
    private final StaffAudit audit;
    private final ProvinceCalendar calendar;
    private final DeclarationConfig config;

    public CaseListImport(PersonService persons, PersonRepository personRepository, Outbox outbox, AuditTrail trail,
            StaffAudit audit, ProvinceCalendar calendar, DeclarationConfig config) {
        this.persons = persons;
        this.personRepository = personRepository;
        this.outbox = outbox;
        this.trail = trail;
        this.audit = audit;
        this.calendar = calendar;
        this.config = config;
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public List<String> columns() {
        return List.of("documentType", "documentNumber", "status", "reportedAt", "onsetDate");
    }

    @Override
    public ReportedCase read(ImportRow row) {
        String subjectId;
        try {
            Document document = RegistrationValidator.document(
                    new DocumentForm(row.required("documentType"), row.required("documentNumber")), calendar.today());
            subjectId = persons.subjectIdOf(document);
        } catch (ApiException e) {
            ApiError.Detail first = e.toError().details().isEmpty() ? new ApiError.Detail(null, e.getMessage())
                    : e.toError().details().get(0);
            throw new RowRefused("is required".equals(first.problem()) ? RowRefused.MISSING_FIELD
                    : RowRefused.INVALID_FIELD, first.field(), first.problem());
        }
        String status = row.required("status").strip().toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            throw invalid("status", "must be CONFIRMED or SUSPECTED");
        }
        Instant reportedAt = instant(row, "reportedAt");
        Instant now = calendar.now();
        if (reportedAt.isAfter(now)) {
            throw invalid("reportedAt", "must not be in the future");
        }
        if (reportedAt.isBefore(now.minus(OLDEST_REPORT))) {
            throw invalid("reportedAt", "must be within the last 30 days");
        }
        LocalDate onset = null;
        String onsetText = row.optional("onsetDate");
        if (onsetText != null) {
            try {
                onset = LocalDate.parse(onsetText.strip());
            } catch (DateTimeException e) {
                throw invalid("onsetDate", "must be an ISO date, e.g. 2026-11-18");
            }
            LocalDate today = calendar.today();
            if (onset.isAfter(today)) {
                throw invalid("onsetDate", "must not be in the future");
            }
            if (onset.isBefore(today.minusDays(OLDEST_ONSET_DAYS))) {
                throw invalid("onsetDate", "must be within the last year");
            }
        }
        return new ReportedCase(subjectId, status, reportedAt, onset);
    }

    /** The same person with the same status is one fact: confirmed twice is one case, suspected then confirmed two rows. */
    @Override
    public String key(ReportedCase c) {
        return c.subjectId() + "|" + c.status();
    }

    @Override
    public Uni<List<ImportReport.Refusal>> apply(List<Read<ReportedCase>> rows, Context context) {
        List<String> subjects = rows.stream().map(row -> row.value().subjectId()).distinct().toList();
        return personRepository.findBySubjectIds(subjects).chain(found -> {
            Map<String, Person> registered = found.stream()
                    .collect(Collectors.toMap(person -> person.subjectId, Function.identity()));
            List<ImportReport.Refusal> refused = new ArrayList<>();
            List<Uni<Void>> refusals = new ArrayList<>();
            List<Outbox.Keyed> events = new ArrayList<>();
            List<AuditEntry> changes = new ArrayList<>();
            for (Read<ReportedCase> row : rows) {
                ReportedCase c = row.value();
                Person person = registered.get(c.subjectId());
                if (person != null && !context.province().equals(person.province())) {
                    refused.add(new ImportReport.Refusal(row.row(), "FORBIDDEN_PROVINCE", null,
                            "the person is registered in another province"));
                    refusals.add(audit.crossProvince(context.actor(),
                            new StaffAudit.Read(c.subjectId(), ROUTE, person.province()), context.province()));
                    continue;
                }
                events.add(new Outbox.Keyed(c.subjectId(), new CaseReported(c.subjectId(), c.status(),
                        c.reportedAt(), c.onsetDate(), context.province(), context.importId(), row.row())));
                changes.add(new AuditEntry(context.at(), context.actor(), CASE_IMPORTED, Outcome.CHANGED,
                        c.subjectId(), "import " + context.importId(), context.province(),
                        c.status() + " row " + row.row()));
            }
            Uni<Void> refusalsAudited = refusals.isEmpty() ? Uni.createFrom().voidItem()
                    : Uni.join().all(refusals).andFailFast().replaceWithVoid();
            return refusalsAudited
                    .chain(() -> outbox.publishAll(CaseReported.TOPIC, events))
                    .chain(() -> trail.recordAllWithin(changes))
                    .replaceWith(refused);
        });
    }

    private Instant instant(ImportRow row, String field) {
        try {
            return calendar.instant(row.required(field));
        } catch (DateTimeException e) {
            throw invalid(field, "must be an ISO-8601 date-time, e.g. 2026-11-20T08:05 or 2026-11-20T08:05+08:00");
        }
    }

    private static RowRefused invalid(String field, String message) {
        return new RowRefused(RowRefused.INVALID_FIELD, field, message);
    }
}
