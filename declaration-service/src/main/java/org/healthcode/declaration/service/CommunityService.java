package org.healthcode.declaration.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.healthcode.declaration.domain.CheckinStatus;
import org.healthcode.declaration.domain.CommunityMember;
import org.healthcode.declaration.domain.Person;
import org.healthcode.declaration.domain.Violations;
import org.healthcode.declaration.repository.CommunityRepository;
import org.healthcode.declaration.repository.CommunityRepository.Resident;
import org.healthcode.declaration.service.StaffAudit.Read;
import org.healthcode.declaration.upstream.VenueClient;
import org.healthcode.declaration.upstream.VenueClient.Place;
import org.healthcode.kit.region.Regions;
import org.healthcode.kit.web.ApiException;
import org.healthcode.kit.web.Caller;
import org.healthcode.kit.web.ServiceCall;

/**
 * Residential communities. A resident (or a guardian, for a dependent) names the community they live
 * in: a venue of type RESIDENTIAL_COMMUNITY of their own province, as scan-checkpoint-service (its
 * owner) says when asked with the resident's token. Community workers (role {@code community}, the
 * venue ids of their communities in their token's {@code communities} claim) read the residents of
 * their communities: masked name, whether a dependent, and where today's submission stands; every
 * read and export audited, a look at another community refused and audited.
 */
@ApplicationScoped
public class CommunityService {

    public static final String COMMUNITY_NAMED = "COMMUNITY_NAMED";
    public static final String COMMUNITY_LEFT = "COMMUNITY_LEFT";
    public static final String COMMUNITY_READ = "COMMUNITY_READ";
    public static final String COMMUNITY_EXPORTED = "COMMUNITY_EXPORTED";
    public static final String RESIDENTIAL_COMMUNITY = "RESIDENTIAL_COMMUNITY";

    /** A resident of a community as a worker sees them. */
    public record Line(UUID lineId, String subjectId, String maskedName, boolean dependent, CheckinStatus checkin) {
    }

    public record Residents(UUID venueId, LocalDate date, List<Line> lines) {
    }

    private final CommunityRepository communities;
    private final PersonService persons;
    private final VenueClient venues;
    private final ProvinceCalendar calendar;
    private final StaffAudit audit;

    public CommunityService(CommunityRepository communities, PersonService persons, @RestClient VenueClient venues,
            ProvinceCalendar calendar, StaffAudit audit) {
        this.communities = communities;
        this.persons = persons;
        this.venues = venues;
        this.calendar = calendar;
        this.audit = audit;
    }

    /**
     * Names the community of the account's own person ({@code dependentId} null) or of one of its
     * dependents; naming another replaces it, naming the same one again changes nothing. The venue is
     * checked before anything is stored.
     */
    public Uni<CommunityMember> name(String account, String dependentId, String venueIdText) {
        Violations problems = new Violations();
        UUID venueId = uuid(problems.required(venueIdText, "venueId"));
        if (venueIdText != null && !venueIdText.isBlank() && venueId == null) {
            problems.add("venueId", "must be a venue id");
        }
        problems.throwIfAny();
        return Panache.withSession(() -> target(account, dependentId))
                .chain(person -> place(venueId).invoke(place -> requireFits(place, person)))
                .chain(place -> Panache.withTransaction(() -> target(account, dependentId)
                        .chain(person -> communities.findByPerson(person.id).chain(existing -> {
                            if (existing != null && existing.venueId.equals(venueId)) {
                                return Uni.createFrom().item(existing); // named already: nothing changes
                            }
                            CommunityMember member = existing != null ? existing : new CommunityMember();
                            if (existing == null) {
                                member.id = UUID.randomUUID();
                                member.personId = person.id;
                            }
                            member.venueId = venueId;
                            member.venueName = place.name();
                            member.regionCode = place.regionCode();
                            member.province = Regions.provinceOf(place.regionCode());
                            member.namedAt = calendar.now();
                            return (existing == null ? communities.persistAndFlush(member)
                                    : communities.flush().replaceWith(member))
                                    .call(() -> audit.changed(account, COMMUNITY_NAMED, new Read(person.subjectId,
                                            "community " + venueId, person.province()), null));
                        }))))
                .onFailure(failure -> UniqueViolation.constraint(failure) != null)
                .recoverWithUni(() -> name(account, dependentId, venueIdText)); // lost a race with itself
    }

    /** The community the person named, or null. */
    public Uni<CommunityMember> named(String account, String dependentId) {
        return Panache.withSession(() -> target(account, dependentId).chain(person -> communities.findByPerson(person.id)));
    }

    /**
     * The person leaves their community: they are gone from its workers' list at once. Leaving when
     * in none changes nothing.
     */
    public Uni<Void> leave(String account, String dependentId) {
        return Panache.withTransaction(() -> target(account, dependentId).chain(person -> communities
                .findByPerson(person.id).chain(member -> member == null ? Uni.createFrom().voidItem()
                        : communities.delete(member).call(() -> audit.changed(account, COMMUNITY_LEFT,
                                new Read(person.subjectId, "community " + member.venueId, person.province()),
                                null)))));
    }

    /**
     * The residents of one of the worker's communities, of the worker's province, with where today's
     * submission stands. One audit line for the read (how many residents it listed) and one for each
     * resident; {@code export} names the read an export.
     */
    public Uni<Residents> residents(Caller worker, Set<String> workerCommunities, String venueIdText, boolean export) {
        String province = worker.staffProvince();
        UUID venueId = uuid(venueIdText);
        String object = "community " + (venueId == null ? "(not a venue id)" : venueId);
        String action = export ? COMMUNITY_EXPORTED : COMMUNITY_READ;
        if (venueId == null || !workerCommunities.contains(venueId.toString())) {
            return audit.refused(worker.subject(), action, new Read(null, object, province), "not the worker's community")
                    .chain(() -> Uni.createFrom().failure(new ApiException(403, "NOT_YOUR_COMMUNITY",
                            "This community is not one of yours")));
        }
        LocalDate today = calendar.today();
        var startOfToday = calendar.startOfToday();
        return Panache.withSession(() -> communities.residents(venueId, province, startOfToday,
                        calendar.startOfYesterday()))
                .call(residents -> audit.listed(worker.subject(), action, new Read(null, object, province),
                        residents.size() + " residents", residents.stream().map(resident -> new Read(
                                resident.subjectId(), object, Regions.provinceOf(resident.regionCode()))).toList()))
                .map(residents -> new Residents(venueId, today, residents.stream()
                        .map(resident -> line(resident, startOfToday)).toList()));
    }

    private static Line line(Resident resident, java.time.Instant startOfToday) {
        return new Line(resident.lineId(), resident.subjectId(), resident.maskedName(), resident.dependent(),
                CheckinStatus.of(resident.submittedToday(), resident.submittedYesterday(), resident.registeredAt(),
                        startOfToday));
    }

    private Uni<Person> target(String account, String dependentId) {
        return dependentId == null ? persons.self(account) : persons.dependent(account, dependentId);
    }

    private Uni<Place> place(UUID venueId) {
        return ServiceCall.failingOver(venues.place(venueId.toString())).onFailure().transform(failure ->
                failure instanceof WebApplicationException refused && refused.getResponse().getStatus() == 404
                        ? ApiException.notFound("VENUE_NOT_FOUND", "No such venue")
                        : new ApiException(503, "UPSTREAM_UNAVAILABLE",
                                "The venues cannot be asked now; nothing was changed"));
    }

    private static void requireFits(Place place, Person person) {
        if (!RESIDENTIAL_COMMUNITY.equals(place.type())) {
            throw new ApiException(400, "NOT_A_COMMUNITY", "This venue is not a residential community");
        }
        if (place.regionCode() == null || !place.regionCode().matches("[0-9]{6}")
                || !person.province().equals(Regions.provinceOf(place.regionCode()))) {
            throw new ApiException(400, "COMMUNITY_IN_ANOTHER_PROVINCE",
                    "This community is not in the province where the person is registered");
        }
    }

    private static UUID uuid(String id) {
        try {
            return id == null ? null : UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
