package org.healthcode.kit.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.healthcode.kit.audit.AuditEntry;
import org.healthcode.kit.audit.AuditEntry.Outcome;
import org.healthcode.kit.audit.AuditTrail;
import org.healthcode.kit.web.ApiException;

/**
 * Takes in an authority's import file, the same way for every kind ({@link ImportKind}): reads it
 * ({@link ImportFile}), checks each row, applies the rows not applied before, and answers a report
 * ({@link ImportReport}) and an audit line, all in one transaction.
 *
 * <p>Idempotent twice over. The same file (same bytes, kind and province) has the same importId and
 * is applied once: uploaded again it answers the first report marked {@code duplicate} and changes
 * nothing. A row whose key was applied before, by any file of the kind in the province, is counted
 * {@code repeated} and not applied again, so overlapping files do not double-apply. Imports of one
 * kind in one province run one at a time (an advisory lock), so two uploads at once cannot both
 * apply a row.
 */
@ApplicationScoped
public class Imports {

    public static final String TOO_LARGE = "IMPORT_TOO_LARGE";
    /** Audit actions: a file applied, a file uploaded again. */
    public static final String APPLIED = "IMPORT_APPLIED";
    public static final String REPEATED = "IMPORT_REPEATED";

    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final int maxRows;
    private final long maxBytes;

    public Imports(AuditTrail audit, ObjectMapper json, Clock clock,
            @ConfigProperty(name = "healthcode.imports.max-rows", defaultValue = "1000") int maxRows,
            @ConfigProperty(name = "healthcode.imports.max-bytes", defaultValue = "64K") MemorySize maxBytes) {
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.maxRows = maxRows;
        this.maxBytes = maxBytes.asLongValue();
    }

    /**
     * Imports {@code body} as {@code kind} for {@code province}, by the staff account {@code actor}.
     * Refuses the whole file with 415 (another Content-Type), 413 IMPORT_TOO_LARGE /
     * IMPORT_TOO_MANY_ROWS, 400 IMPORT_EMPTY / IMPORT_MALFORMED, and then stores nothing.
     */
    public <T> Uni<ImportReport> run(ImportKind<T> kind, String actor, String province, String contentType,
            byte[] body) {
        String format = ImportFile.format(contentType);
        if (body == null || body.length == 0) {
            throw new ApiException(400, ImportFile.EMPTY, "The file has no rows");
        }
        if (body.length > maxBytes) {
            throw new ApiException(413, TOO_LARGE, "An import file has at most " + maxBytes
                    + " bytes: split it (rows already taken in are not applied twice)");
        }
        ImportFile.Parsed parsed = ImportFile.parse(format, body, kind.columns(), maxRows);
        List<ImportReport.Refusal> refused = new ArrayList<>(parsed.malformed());
        List<ImportKind.Read<T>> read = new ArrayList<>();
        for (ImportRow row : parsed.rows()) {
            try {
                read.add(new ImportKind.Read<>(row.row(), kind.read(row)));
            } catch (RowRefused refusal) {
                refused.add(refusal.at(row.row()));
            }
        }
        String fileHash = sha256(body);
        UUID importId = UUID.nameUUIDFromBytes((kind.name() + ":" + province + ":" + fileHash)
                .getBytes(StandardCharsets.UTF_8));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ImportKind.Context context = new ImportKind.Context(importId, actor, province, now);
        return Panache.withTransaction(() -> lock(kind.name(), province)
                .chain(() -> storedReport(importId))
                .chain(stored -> stored != null
                        ? audit.recordWithin(entry(context, REPEATED, stored)).replaceWith(stored.asDuplicate())
                        : apply(kind, context, fileHash, parsed.count(), read, refused)));
    }

    private <T> Uni<ImportReport> apply(ImportKind<T> kind, ImportKind.Context context, String fileHash, int rows,
            List<ImportKind.Read<T>> read, List<ImportReport.Refusal> refused) {
        List<String> keys = read.stream().map(r -> sha256(kind.key(r.value()).getBytes(StandardCharsets.UTF_8)))
                .toList();
        return appliedBefore(kind.name(), context.province(), keys).chain(before -> {
            Set<String> seen = new HashSet<>(before);
            List<ImportKind.Read<T>> fresh = new ArrayList<>();
            List<String> freshKeys = new ArrayList<>();
            for (int i = 0; i < read.size(); i++) {
                if (seen.add(keys.get(i))) {
                    fresh.add(read.get(i));
                    freshKeys.add(keys.get(i));
                }
            }
            int repeated = read.size() - fresh.size();
            Uni<List<ImportReport.Refusal>> applied = fresh.isEmpty() ? Uni.createFrom().item(List.of())
                    : kind.apply(fresh, context);
            return applied.chain(refusedOnApply -> {
                Set<Integer> refusedRows = new HashSet<>();
                refusedOnApply.forEach(r -> refusedRows.add(r.row()));
                List<String> appliedKeys = new ArrayList<>();
                for (int i = 0; i < fresh.size(); i++) {
                    if (!refusedRows.contains(fresh.get(i).row())) {
                        appliedKeys.add(freshKeys.get(i));
                    }
                }
                List<ImportReport.Refusal> all = new ArrayList<>(refused);
                all.addAll(refusedOnApply);
                all.sort(Comparator.comparingInt(ImportReport.Refusal::row));
                ImportReport report = new ImportReport(context.importId(), kind.name(), rows, appliedKeys.size(),
                        repeated, all, false);
                return remember(kind.name(), context, appliedKeys)
                        .chain(() -> store(kind.name(), context, fileHash, report))
                        .chain(() -> audit.recordWithin(entry(context, APPLIED, report)))
                        .replaceWith(report);
            });
        });
    }

    // a file applied is a change; the same file again changed nothing, yet who sent it is on the trail
    private static AuditEntry entry(ImportKind.Context context, String action, ImportReport report) {
        return new AuditEntry(context.at(), context.actor(), action,
                APPLIED.equals(action) ? Outcome.CHANGED : Outcome.DONE, null,
                "import " + report.importId(), context.province(), "kind=" + report.kind() + " rows=" + report.rows()
                        + " accepted=" + report.accepted() + " repeated=" + report.repeated()
                        + " refused=" + report.refused().size());
    }

    // The lock is the schema's own (advisory locks are database-wide), held until the commit.
    private static Uni<Void> lock(String kind, String province) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select count(*) from pg_advisory_xact_lock(hashtext(current_schema() || '.import.' || ?1))",
                        Long.class)
                .setParameter(1, kind + "." + province).getSingleResult()).replaceWithVoid();
    }

    private Uni<ImportReport> storedReport(UUID importId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select cast(report as text) from import_batch where import_id = ?1", String.class)
                .setParameter(1, importId).getResultList())
                .map(found -> {
                    if (found.isEmpty()) {
                        return null;
                    }
                    try {
                        return json.readValue(found.get(0), ImportReport.class);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("stored import report unreadable", e);
                    }
                });
    }

    private static Uni<List<String>> appliedBefore(String kind, String province, List<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select row_key from import_row where kind = ?1 and province = ?2 "
                                + "and row_key = any(cast(?3 as text[]))", String.class)
                .setParameter(1, kind).setParameter(2, province).setParameter(3, keys.toArray(String[]::new))
                .getResultList());
    }

    private static Uni<Void> remember(String kind, ImportKind.Context context, List<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into import_row (kind, province, row_key, import_id, at)
                        select ?1, ?2, k, ?3, ?4 from unnest(cast(?5 as text[])) as k""")
                .setParameter(1, kind).setParameter(2, context.province()).setParameter(3, context.importId())
                .setParameter(4, context.at()).setParameter(5, keys.toArray(String[]::new))
                .executeUpdate()).replaceWithVoid();
    }

    private Uni<Void> store(String kind, ImportKind.Context context, String fileHash, ImportReport report) {
        // bound as text and parsed by PostgreSQL: bound straight to jsonb, a String is stored as a JSON string
        String stored;
        try {
            stored = json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into import_batch (import_id, kind, province, file_hash, actor, at, report)
                        values (?1, ?2, ?3, ?4, ?5, ?6, cast(cast(?7 as text) as jsonb))""")
                .setParameter(1, context.importId()).setParameter(2, kind).setParameter(3, context.province())
                .setParameter(4, fileHash).setParameter(5, context.actor()).setParameter(6, context.at())
                .setParameter(7, stored)
                .executeUpdate()).replaceWithVoid();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
