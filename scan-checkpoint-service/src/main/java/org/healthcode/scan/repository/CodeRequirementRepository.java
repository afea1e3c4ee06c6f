package org.healthcode.scan.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.healthcode.kit.audit.AuditEntry;
import org.healthcode.scan.domain.CodeRequirement;
import org.healthcode.scan.domain.VenueType;

/** Which venue types of a province still require a code; no row is "required". On the pool, like scans. */
@ApplicationScoped
public class CodeRequirementRepository {

    // Every scan asks: one primary-key read, no ORM session.
    private static final String REQUIRED = """
            select required from code_requirement where province = $1 and venue_type = $2""";

    private static final String OF_PROVINCE = """
            select venue_type, required, changed_by, changed_at from code_requirement where province = $1""";

    // The change and its audit line in one statement: never one without the other.
    private static final String SET = """
            with changed as (
                insert into code_requirement (province, venue_type, required, changed_by, changed_at)
                values ($1, $2, $3, $4, $5)
                on conflict (province, venue_type) do update set
                    required = excluded.required, changed_by = excluded.changed_by, changed_at = excluded.changed_at
                returning province),
            entry as (
                insert into audit_entry (at, actor, action, outcome, subject_id, object, province, detail)
                select $6::timestamptz, $7::text, $8::text, $9::text, null, $10::text, $11::text, $12::text
                from changed
                returning at)
            select count(*) as changed from changed""";

    private final Pool pool;

    public CodeRequirementRepository(Pool pool) {
        this.pool = pool;
    }

    /** Whether a code is required at this type of venue of this province. */
    public Uni<Boolean> required(String province, VenueType type) {
        return pool.preparedQuery(REQUIRED).execute(Tuple.of(province, type.name())).map(rows -> {
            RowIterator<Row> found = rows.iterator();
            return !found.hasNext() || found.next().getBoolean("required");
        });
    }

    /** Every venue type of the province, in declaration order, with whether a code is required there. */
    public Uni<List<CodeRequirement>> ofProvince(String province) {
        return pool.preparedQuery(OF_PROVINCE).execute(Tuple.of(province)).map(rows -> {
            List<CodeRequirement> all = new ArrayList<>();
            for (VenueType type : VenueType.values()) {
                CodeRequirement requirement = new CodeRequirement(province, type, true, null, null);
                for (Row row : rows) {
                    if (row.getString("venue_type").equals(type.name())) {
                        requirement = new CodeRequirement(province, type, row.getBoolean("required"),
                                row.getString("changed_by"), row.getOffsetDateTime("changed_at").toInstant());
                    }
                }
                all.add(requirement);
            }
            return all;
        });
    }

    /** Stores the decision with its audit line. */
    public Uni<Void> set(CodeRequirement requirement, AuditEntry audit) {
        Tuple values = Tuple.tuple()
                .addValue(requirement.province()).addValue(requirement.venueType().name())
                .addValue(requirement.required()).addValue(requirement.changedBy()).addValue(utc(requirement.changedAt()))
                .addValue(utc(audit.at())).addValue(audit.actor()).addValue(audit.action())
                .addValue(audit.outcome().name()).addValue(audit.object()).addValue(audit.province())
                .addValue(audit.detail());
        return pool.preparedQuery(SET).execute(values).replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
