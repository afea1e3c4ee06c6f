package org.healthcode.declaration.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.healthcode.declaration.domain.Membership;
import org.healthcode.declaration.domain.Organisation;
import org.healthcode.declaration.domain.OrganisationStatus;
import org.healthcode.declaration.domain.OrganisationValidator.Registration;
import org.healthcode.declaration.repository.MembershipRepository;
import org.healthcode.declaration.repository.MembershipRepository.Joined;
import org.healthcode.declaration.repository.MembershipRepository.RosterLine;
import org.healthcode.declaration.repository.OrganisationRepository;
import org.healthcode.declaration.service.StaffAudit.Read;
import org.healthcode.kit.region.Regions;
import org.healthcode.kit.web.ApiException;

/**
 * Organisations resuming work and the people who joined them. An organisation's staff account
 * registers it (the account is then its staff: one organisation per account), an authority of its
 * province approves it, and people join with its invitation code and their consent. The staff see a
 * roster of masked names and whether today's declaration and check-in are done, every read audited;
 * a person leaves whenever they like and their line is gone.
 */
@ApplicationScoped
public class OrganisationService {

    public static final String ORGANISATION_REGISTERED = "ORGANISATION_REGISTERED";
    public static final String ORGANISATION_APPROVED = "ORGANISATION_APPROVED";
    public static final String ROSTER_READ = "ROSTER_READ";
    public static final String MEMBERSHIP_JOINED = "MEMBERSHIP_JOINED";
    public static final String MEMBERSHIP_LEFT = "MEMBERSHIP_LEFT";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRTUWXY";

    public record Roster(Organisation organisation, List<RosterLine> lines) {
    }

    private final OrganisationRepository organisations;
    private final MembershipRepository memberships;
    private final PersonService persons;
    private final ProvinceCalendar calendar;
    private final StaffAudit audit;

    public OrganisationService(OrganisationRepository organisations, MembershipRepository memberships,
            PersonService persons, ProvinceCalendar calendar, StaffAudit audit) {
        this.organisations = organisations;
        this.memberships = memberships;
        this.persons = persons;
        this.calendar = calendar;
        this.audit = audit;
    }

    /**
     * Registers the caller's organisation, pending approval. Its province is its code's region of
     * registration, and must be the caller's: another province's code is refused (and audited).
     */
    public Uni<Organisation> register(String account, String callerProvince, Registration registration) {
        Organisation organisation = new Organisation();
        organisation.id = UUID.randomUUID();
        organisation.uscc = registration.uscc();
        organisation.name = registration.name();
        organisation.province = registration.province();
        organisation.status = OrganisationStatus.PENDING;
        organisation.staffAccount = account;
        organisation.registeredAt = calendar.now();
        Read touched = new Read(null, "organisation " + organisation.id, organisation.province);
        if (!organisation.province.equals(callerProvince)) {
            // nothing exists in the other province: the refusal is the caller's province's to see
            return audit.crossProvince(account, new Read(null, "uscc region " + registration.province(),
                    callerProvince), callerProvince).chain(() -> Uni.createFrom().failure(
                    new ApiException(403, "FORBIDDEN_PROVINCE",
                            "The code's region of registration is in another province")));
        }
        return Panache.withTransaction(() -> organisations.persistAndFlush(organisation)
                .call(() -> audit.changed(account, ORGANISATION_REGISTERED, touched, null)))
                .onFailure(failure -> UniqueViolation.constraint(failure) != null).transform(failure ->
                        UniqueViolation.constraint(failure).contains("staff_account")
                                ? ApiException.conflict("ALREADY_REGISTERED",
                                        "This account has already registered an organisation")
                                : ApiException.conflict("ORGANISATION_EXISTS",
                                        "An organisation with this code is already registered"));
    }

    /** The caller's own organisation. */
    public Uni<Organisation> mine(String account) {
        return Panache.withSession(() -> organisations.findByStaffAccount(account))
                .onItem().ifNull().failWith(() -> ApiException.notFound("NO_ORGANISATION",
                        "This account has not registered an organisation"));
    }

    /** The province's organisations in one status, oldest first. */
    public Uni<List<Organisation>> queue(String province, OrganisationStatus status, int limit) {
        return Panache.withSession(() -> organisations.queue(province, status, limit));
    }

    /** An authority of the organisation's province approves it, which gives it its invitation code. */
    public Uni<Organisation> approve(String actor, String callerProvince, String organisationId) {
        UUID id = uuid(organisationId);
        if (id == null) {
            return Uni.createFrom().failure(notFound());
        }
        return Panache.withTransaction(() -> organisations.lock(id)
                .onItem().ifNull().failWith(OrganisationService::notFound)
                .chain(organisation -> {
                    Read touched = new Read(null, "organisation " + organisation.id, organisation.province);
                    if (!organisation.province.equals(callerProvince)) {
                        return audit.crossProvince(actor, touched, callerProvince)
                                .chain(() -> Uni.createFrom().failure(new ApiException(403, "FORBIDDEN_PROVINCE",
                                        "The organisation belongs to another province")));
                    }
                    if (organisation.isApproved()) {
                        return Uni.createFrom().failure(ApiException.conflict("ALREADY_APPROVED",
                                "This organisation has already been approved"));
                    }
                    organisation.status = OrganisationStatus.APPROVED;
                    organisation.invitationCode = invitationCode();
                    organisation.approvedAt = calendar.now();
                    organisation.approvedBy = actor;
                    return audit.changed(actor, ORGANISATION_APPROVED, touched, null).replaceWith(organisation);
                }));
    }

    /**
     * Today's roster of the caller's organisation. One audit line for the read and one for each
     * member it showed (in the member's province).
     */
    public Uni<Roster> roster(String account) {
        return mine(account).chain(organisation -> memberships.roster(organisation.id, calendar.startOfToday())
                .call(lines -> {
                    String object = "organisation " + organisation.id;
                    List<Read> reads = new ArrayList<>();
                    reads.add(new Read(null, object, organisation.province));
                    lines.forEach(line -> reads.add(new Read(line.subjectId(), object,
                            Regions.provinceOf(line.regionCode()))));
                    return audit.reads(account, ROSTER_READ, reads);
                })
                .map(lines -> new Roster(organisation, lines)));
    }

    /** The account's own person joins an approved organisation; joining twice changes nothing. */
    public Uni<Joined> join(String account, String invitationCode) {
        return Panache.withTransaction(() -> persons.self(account).chain(self -> organisations
                .findApprovedByInvitation(invitationCode)
                .onItem().ifNull().failWith(() -> ApiException.notFound("ORGANISATION_NOT_FOUND",
                        "No approved organisation has this invitation code"))
                .chain(organisation -> memberships.find(organisation.id, self.id).chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().item(new Joined(organisation.id, organisation.name,
                                existing.consentedAt));
                    }
                    Membership membership = new Membership();
                    membership.id = UUID.randomUUID();
                    membership.organisationId = organisation.id;
                    membership.personId = self.id;
                    membership.consentedAt = calendar.now();
                    return memberships.persistAndFlush(membership)
                            .call(() -> audit.changed(account, MEMBERSHIP_JOINED, new Read(self.subjectId,
                                    "organisation " + organisation.id, self.province()), "consent given"))
                            .map(saved -> new Joined(organisation.id, organisation.name, saved.consentedAt));
                }))))
                .onFailure(failure -> UniqueViolation.constraint(failure) != null)
                .recoverWithUni(() -> join(account, invitationCode)); // lost a race with itself: now it exists
    }

    /** The organisations the account's own person has joined. */
    public Uni<List<Joined>> joined(String account) {
        return Panache.withSession(() -> persons.self(account)).chain(self -> memberships.joined(self.id));
    }

    /** The account's own person leaves; their line is gone from the roster at once. */
    public Uni<Void> leave(String account, String organisationId) {
        UUID id = uuid(organisationId);
        if (id == null) {
            return Uni.createFrom().failure(notMember());
        }
        return Panache.withTransaction(() -> persons.self(account).chain(self -> memberships.leave(id, self.id)
                .chain(deleted -> deleted == 0 ? Uni.createFrom().failure(notMember())
                        : audit.changed(account, MEMBERSHIP_LEFT, new Read(self.subjectId, "organisation " + id,
                                self.province()), "consent withdrawn"))));
    }

    private static String invitationCode() {
        StringBuilder code = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    private static UUID uuid(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ApiException notFound() {
        return ApiException.notFound("ORGANISATION_NOT_FOUND", "No such organisation");
    }

    private static ApiException notMember() {
        return ApiException.notFound("MEMBERSHIP_NOT_FOUND", "You are not a member of this organisation");
    }
}
