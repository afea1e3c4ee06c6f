package org.healthcode.declaration.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.healthcode.declaration.DeclarationConfig;
import org.healthcode.declaration.domain.Document;
import org.healthcode.declaration.domain.DocumentForm;
import org.healthcode.declaration.domain.RegistrationValidator;
import org.healthcode.declaration.event.ManifestPassengerImported;
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
 * The health authority's transport manifests (a train, flight or coach operator's passenger list):
 * each row puts a document's holder in one carriage or cabin of one trip, in a seat when known, and
 * is published as {@code manifest-passenger-imported} for the visit index, so that tracing finds
 * fellow passengers by carriage and seat distance. The document goes no further than its pseudonym.
 *
 * <p>Times: {@code departure} and {@code arrival} are ISO-8601 date-times, either with an offset
 * ({@code 2026-11-20T08:05:00+08:00}, {@code ...Z}) or local ({@code 2026-11-20T08:05}), read in the
 * province's time zone. A trip lasts at most 48 hours, departed at most 30 days ago and not in the future.
 *
 * <p>Every passenger is indexed, whichever province they are registered in: the trip was this
 * province's, and so is the visit (under this province's pseudonym of their document).
 */
@ApplicationScoped
public class ManifestImport implements ImportKind<ManifestImport.Passenger> {

    public static final String KIND = "MANIFEST";
    public static final String PASSENGER_IMPORTED = "AUTHORITY_MANIFEST_IMPORTED";
    public static final Set<String> MODES = Set.of("TRAIN", "FLIGHT", "BUS");

    static final Duration LONGEST_TRIP = Duration.ofHours(48);
    static final Duration OLDEST_TRIP = Duration.ofDays(30);

    private static final Pattern VEHICLE = Pattern.compile("[A-Z0-9]{1,16}");
    private static final Pattern CARRIAGE = Pattern.compile("[A-Z0-9]{1,16}");
    private static final Pattern SEAT = Pattern.compile("0*(\\d{1,3})\\s*([A-Z]{1,2})");

    /** A row as checked: the pseudonym and the passenger's place on the trip (seat as {@code 05A}, or null). */
    public record Passenger(String subjectId, String mode, String vehicle, Instant departure, Instant arrival,
            String carriage, String seat) {
    }

    private final PersonService persons;
    private final Outbox outbox;
    private final AuditTrail trail;
    private final ProvinceCalendar calendar;
    private final DeclarationConfig config;

    public ManifestImport(PersonService persons, Outbox outbox, AuditTrail trail, ProvinceCalendar calendar,
            DeclarationConfig config) {
        this.persons = persons;
        this.outbox = outbox;
        this.trail = trail;
        this.calendar = calendar;
        this.config = config;
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public List<String> columns() {
        return List.of("documentType", "documentNumber", "mode", "vehicle", "departure", "arrival", "carriage",
                "seat");
    }

    @Override
    public Passenger read(ImportRow row) {
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
        String mode = upper(row.required("mode"));
        if (!MODES.contains(mode)) {
            throw invalid("mode", "must be TRAIN, FLIGHT or BUS");
        }
        String vehicle = upper(row.required("vehicle"));
        if (!VEHICLE.matcher(vehicle).matches()) {
            throw invalid("vehicle", "must be 1 to 16 letters or digits");
        }
        Instant departure = instant(row, "departure");
        Instant arrival = instant(row, "arrival");
        if (!arrival.isAfter(departure)) {
            throw invalid("arrival", "must be after the departure");
        }
        if (Duration.between(departure, arrival).compareTo(LONGEST_TRIP) > 0) {
            throw invalid("arrival", "must be within 48 hours of the departure");
        }
        Instant now = calendar.now();
        if (departure.isAfter(now)) {
            throw invalid("departure", "must not be in the future");
        }
        if (departure.isBefore(now.minus(OLDEST_TRIP))) {
            throw invalid("departure", "must be within the last 30 days");
        }
        String carriage = upper(row.required("carriage"));
        if (!CARRIAGE.matcher(carriage).matches()) {
            throw invalid("carriage", "must be 1 to 16 letters or digits");
        }
        String seat = null;
        String seatText = row.optional("seat");
        if (seatText != null) {
            Matcher m = SEAT.matcher(upper(seatText));
            if (!m.matches()) {
                throw invalid("seat", "must be a row number and a letter, e.g. 12F");
            }
            seat = String.format(Locale.ROOT, "%02d%s", Integer.parseInt(m.group(1)), m.group(2));
        }
        return new Passenger(subjectId, mode, vehicle, departure, arrival, carriage, seat);
    }

    /** The same person in the same place of the same trip is one fact. */
    @Override
    public String key(Passenger p) {
        return p.subjectId() + "|" + p.mode() + "|" + p.vehicle() + "|" + p.departure() + "|" + p.carriage() + "|"
                + (p.seat() == null ? "" : p.seat());
    }

    @Override
    public Uni<List<ImportReport.Refusal>> apply(List<Read<Passenger>> rows, Context context) {
        ZoneId zone = config.timeZone();
        List<Outbox.Keyed> events = new ArrayList<>(rows.size());
        List<AuditEntry> changes = new ArrayList<>(rows.size());
        for (Read<Passenger> row : rows) {
            Passenger p = row.value();
            var venueId = ManifestPassengerImported.venueOf(p.mode(), p.vehicle(),
                    p.departure().atZone(zone).toLocalDate(), p.carriage());
            events.add(new Outbox.Keyed(p.subjectId(), new ManifestPassengerImported(p.subjectId(), p.mode(),
                    p.vehicle(), p.departure(), p.arrival(), p.carriage(), p.seat(), venueId, context.province(),
                    context.importId())));
            changes.add(new AuditEntry(context.at(), context.actor(), PASSENGER_IMPORTED, Outcome.CHANGED,
                    p.subjectId(), "import " + context.importId(), context.province(), "venue " + venueId));
        }
        return outbox.publishAll(ManifestPassengerImported.TOPIC, events)
                .chain(() -> trail.recordAllWithin(changes))
                .replaceWith(List.of());
    }

    private Instant instant(ImportRow row, String field) {
        try {
            return calendar.instant(row.required(field));
        } catch (DateTimeException e) {
            throw invalid(field, "must be an ISO-8601 date-time, e.g. 2026-11-20T08:05 or 2026-11-20T08:05+08:00");
        }
    }

    private static String upper(String text) {
        return text.strip().toUpperCase(Locale.ROOT);
    }

    private static RowRefused invalid(String field, String message) {
        return new RowRefused(RowRefused.INVALID_FIELD, field, message);
    }
}
