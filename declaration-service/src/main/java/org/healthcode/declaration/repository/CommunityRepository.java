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
import org.healthcode.declaration.domain.CommunityMember;

@ApplicationScoped
@WithSession
public class CommunityRepository implements PanacheRepositoryBase<CommunityMember, UUID> {

    /**
     * One resident of a community: who (pseudonym, masked name, region), whether a dependent, when
     * registered, and whether they submitted anything today and yesterday. Nothing of what.
     */
    public record Resident(UUID lineId, String subjectId, String maskedName, String regionCode, boolean dependent,
            Instant registeredAt, boolean submittedToday, boolean submittedYesterday) {
    }

    // Province confinement twice: the venue's province (copied when named) and the person's own.
    private static final String RESIDENTS = """
            select c.id, p.subject_id, p.masked_name, p.region_code, p.guardian_id is not null, p.registered_at,
                   exists(select 1 from declaration d where d.person_id = p.id and d.declared_at >= $3),
                   exists(select 1 from declaration d where d.person_id = p.id and d.declared_at >= $4
                          and d.declared_at < $3)
            from community_member c join person p on p.id = c.person_id
            where c.venue_id = $1 and c.province = $2 and left(p.region_code, 2) = left($2, 2)
            order by p.masked_name, c.id""";

    private final Pool pool;

    public CommunityRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<CommunityMember> findByPerson(UUID personId) {
        return find("personId", personId).firstResult();
    }

    public Uni<Long> leave(UUID personId) {
        return delete("personId", personId);
    }

    public Uni<List<Resident>> residents(UUID venueId, String province, Instant startOfToday,
            Instant startOfYesterday) {
        return pool.preparedQuery(RESIDENTS).execute(Tuple.of(venueId, province,
                        startOfToday.atOffset(ZoneOffset.UTC), startOfYesterday.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<Resident> residents = new ArrayList<>();
                    for (Row row : rows) {
                        residents.add(new Resident(row.getUUID(0), row.getString(1), row.getString(2),
                                row.getString(3), row.getBoolean(4), row.getOffsetDateTime(5).toInstant(),
                                row.getBoolean(6), row.getBoolean(7)));
                    }
                    return residents;
                });
    }
}
