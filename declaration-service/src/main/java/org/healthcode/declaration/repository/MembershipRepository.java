package org.healthcode.declaration.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.healthcode.declaration.domain.Membership;

@ApplicationScoped
@WithSession
public class MembershipRepository implements PanacheRepositoryBase<Membership, UUID> {

    /**
     * One line of an organisation's roster: who (pseudonym, masked name, region) and whether they
     * declared or checked in since the start of the day. Nothing of what they declared.
     */
    public record RosterLine(UUID memberId, String subjectId, String maskedName, String regionCode,
            boolean declaredToday, boolean checkedInToday) {
    }

    /** A membership of a person, with the organisation's name. */
    public record Joined(UUID organisationId, String name, Instant joinedAt) {
    }

    private static final String ROSTER = """
            select m.id, p.subject_id, p.masked_name, p.region_code,
                   exists(select 1 from declaration d where d.person_id = p.id and d.kind = 'FULL'
                          and d.declared_at >= $2) as declared_today,
                   exists(select 1 from declaration d where d.person_id = p.id and d.kind = 'DAILY_CHECKIN'
                          and d.declared_at >= $2) as checked_in_today
            from membership m join person p on p.id = m.person_id
            where m.organisation_id = $1
            order by m.consented_at, m.id""";

    private static final String JOINED = """
            select o.id, o.name, m.consented_at from membership m join organisation o on o.id = m.organisation_id
            where m.person_id = $1 order by m.consented_at, o.id""";

    private final Pool pool;

    public MembershipRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Membership> find(UUID organisationId, UUID personId) {
        return find("organisationId = ?1 and personId = ?2", organisationId, personId).firstResult();
    }

    public Uni<Long> leave(UUID organisationId, UUID personId) {
        return delete("organisationId = ?1 and personId = ?2", organisationId, personId);
    }

    public Uni<List<RosterLine>> roster(UUID organisationId, Instant startOfDay) {
        return pool.preparedQuery(ROSTER).execute(Tuple.of(organisationId, startOfDay.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<RosterLine> lines = new ArrayList<>();
                    for (Row row : rows) {
                        lines.add(new RosterLine(row.getUUID(0), row.getString(1), row.getString(2), row.getString(3),
                                row.getBoolean(4), row.getBoolean(5)));
                    }
                    return lines;
                });
    }

    public Uni<List<Joined>> joined(UUID personId) {
        return pool.preparedQuery(JOINED).execute(Tuple.of(personId)).map(rows -> {
            List<Joined> all = new ArrayList<>();
            for (Row row : rows) {
                all.add(new Joined(row.getUUID(0), row.getString(1), row.getOffsetDateTime(2).toInstant()));
            }
            return all;
        });
    }
}
