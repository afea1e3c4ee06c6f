package org.healthcode.declaration.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.healthcode.declaration.DeclarationConfig;
import org.healthcode.declaration.crypto.IdentityCipher;
import org.healthcode.declaration.domain.Appeal;
import org.healthcode.declaration.domain.Person;
import org.healthcode.kit.audit.AuditEntry;
import org.healthcode.kit.audit.AuditEntry.Outcome;
import org.healthcode.kit.audit.AuditTrail;
import org.jboss.logging.Logger;

/**
 * Moves every encrypted value onto the data keyset's primary key, so that an older key can then
 * be taken out of the keyset: a person's name, document number and phone, an appeal's reason and
 * note. Runs {@code declaration.re-encryption.delay} after start (a new primary only comes with a
 * restart) and again every {@code declaration.re-encryption.every}.
 *
 * <p>Goes through each table in id order, {@code batch-size} rows per transaction, each batch
 * locked and written to the audit trail ({@value #REENCRYPTED}, actor {@value #JOB}) in its own
 * transaction; a value already under the primary is left as it is, so a run finds nothing to do
 * once a previous one finished, and an interrupted run is simply run again. A value that does not
 * decrypt stops the run; the log names its table and row id, nothing of the value.
 */
@ApplicationScoped
public class ReEncryption {

    public static final String JOB = "re-encryption-job";
    public static final String REENCRYPTED = "PERSONAL_DATA_REENCRYPTED";
    private static final Logger LOG = Logger.getLogger(ReEncryption.class);
    private static final String FIRST_ID = new UUID(0, 0).toString();

    /** What a run re-encrypted: rows per table; afterwards every value is under {@code primaryKeyId}. */
    public record Report(int primaryKeyId, Map<String, Integer> rows) {

        public int total() {
            return rows.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** One encrypted column of an entity. */
    record Column<E>(String name, Function<E, byte[]> get, BiConsumer<E, byte[]> set) {
    }

    /** A table with encrypted columns, each value bound to the row's id. */
    record Table<E>(String name, Class<E> type, Function<E, UUID> id, List<Column<E>> columns) {
    }

    /** Every table and column that {@link IdentityCipher} writes. */
    static final List<Table<?>> TABLES = List.of(
            new Table<>("person", Person.class, person -> person.id, List.of(
                    new Column<Person>("name_encrypted", p -> p.nameEncrypted, (p, v) -> p.nameEncrypted = v),
                    new Column<Person>("document_number_encrypted", p -> p.documentNumberEncrypted,
                            (p, v) -> p.documentNumberEncrypted = v),
                    new Column<Person>("phone_encrypted", p -> p.phoneEncrypted, (p, v) -> p.phoneEncrypted = v))),
            new Table<>("appeal", Appeal.class, appeal -> appeal.id, List.of(
                    new Column<Appeal>("reason_encrypted", a -> a.reasonEncrypted, (a, v) -> a.reasonEncrypted = v),
                    new Column<Appeal>("note_encrypted", a -> a.noteEncrypted, (a, v) -> a.noteEncrypted = v))));

    private record Batch(String lastId, int rows) {
    }

    private final IdentityCipher cipher;
    private final AuditTrail audit;
    private final ProvinceCalendar calendar;
    private final int batchSize;

    public ReEncryption(IdentityCipher cipher, AuditTrail audit, ProvinceCalendar calendar, DeclarationConfig config) {
        this.cipher = cipher;
        this.audit = audit;
        this.calendar = calendar;
        this.batchSize = config.reEncryption().batchSize();
    }

    @Scheduled(delayed = "${declaration.re-encryption.delay}", every = "${declaration.re-encryption.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> onSchedule() {
        return run()
                .invoke(report -> LOG.infof("Re-encryption: %d rows re-encrypted (%s); every encrypted value is under key %d",
                        report.total(), summary(report.rows()), Integer.toUnsignedLong(report.primaryKeyId())))
                .onFailure().invoke(e -> LOG.errorf("Re-encryption stopped: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Re-encrypts, table by table, every row with a value under another key than the primary. */
    public Uni<Report> run() {
        Map<String, Integer> rows = new LinkedHashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (cipher.primaryPrefix().length > 0) {
            // a primary without prefix is the single key from before keysets: nothing to move yet
            for (Table<?> table : TABLES) {
                chain = chain.chain(() -> table(table, FIRST_ID, 0)).invoke(count -> rows.put(table.name(), count))
                        .replaceWithVoid();
            }
        }
        return chain.map(done -> new Report(cipher.primaryKeyId(), rows));
    }

    private <E> Uni<Integer> table(Table<E> table, String after, int doneSoFar) {
        return Panache.withTransaction(() -> batch(table, after))
                .chain(batch -> batch.lastId() == null ? Uni.createFrom().item(doneSoFar)
                        : table(table, batch.lastId(), doneSoFar + batch.rows()));
    }

    /** The next rows after {@code after} with a value under another key, locked, re-encrypted and audited. */
    private <E> Uni<Batch> batch(Table<E> table, String after) {
        String prefix = HexFormat.of().formatHex(cipher.primaryPrefix());
        String stale = table.columns().stream()
                .map(column -> "(" + column.name() + " is not null and substring(" + column.name()
                        + " from 1 for " + prefix.length() / 2 + ") <> decode(?2, 'hex'))")
                .collect(Collectors.joining(" or "));
        String select = "select cast(id as text) from " + table.name() + " where id > cast(?1 as uuid) and (" + stale
                + ") order by id limit ?3 for update";
        // one batch at a time across the service's instances (advisory locks are database-wide)
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "select count(*) from pg_advisory_xact_lock(hashtext(current_schema() || '.re-encryption'))",
                        Long.class).getSingleResult())
                .chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(select, String.class)
                        .setParameter(1, after).setParameter(2, prefix).setParameter(3, batchSize).getResultList()))
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(new Batch(null, 0))
                        : Panache.getSession()
                                .chain(session -> session.find(table.type(), ids.stream().map(UUID::fromString).toArray()))
                                .chain(rows -> reEncrypt(table, rows))
                                .map(count -> new Batch(ids.get(ids.size() - 1), count)));
    }

    private <E> Uni<Integer> reEncrypt(Table<E> table, List<E> rows) {
        for (E row : rows) {
            UUID id = table.id().apply(row);
            for (Column<E> column : table.columns()) {
                byte[] stored = column.get().apply(row);
                if (stored != null && !cipher.isUnderPrimaryKey(stored)) {
                    try {
                        column.set().accept(row, cipher.reEncrypt(stored, id));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException(table.name() + " " + id + " " + column.name() + ": " + e.getMessage());
                    }
                }
            }
        }
        String detail = rows.size() + " rows now under key " + Integer.toUnsignedLong(cipher.primaryKeyId());
        return audit.recordWithin(new AuditEntry(calendar.now(), JOB, REENCRYPTED, Outcome.DONE, null, table.name(),
                        null, detail))
                .replaceWith(rows.size());
    }

    private static String summary(Map<String, Integer> rows) {
        return rows.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
