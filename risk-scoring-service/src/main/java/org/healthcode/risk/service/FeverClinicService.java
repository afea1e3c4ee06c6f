package org.healthcode.risk.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.healthcode.kit.audit.AuditEntry;
import org.healthcode.kit.audit.AuditEntry.Outcome;
import org.healthcode.kit.audit.AuditTrail;
import org.healthcode.kit.region.Regions;
import org.healthcode.kit.web.ApiException;
import org.healthcode.kit.web.Caller;
import org.healthcode.risk.domain.RegionSpan;
import org.healthcode.risk.repository.FeverClinicRepository;
import org.healthcode.risk.repository.FeverClinicRow;

/**
 * The directory of fever clinics. An authority keeps its own province's clinics only; each change is
 * audited in the transaction that makes it, each refusal on its own. Anyone reads them.
 */
@ApplicationScoped
public class FeverClinicService {

    public static final String ADDED = "FEVER_CLINIC_ADDED";
    public static final String CHANGED = "FEVER_CLINIC_CHANGED";
    public static final String REMOVED = "FEVER_CLINIC_REMOVED";

    /** A clinic's details as checked by the resource. */
    public record Details(String name, String address, String regionCode, String openingHours, String telephone) {
    }

    private final FeverClinicRepository clinics;
    private final AuditTrail audit;
    private final Clock clock;

    public FeverClinicService(FeverClinicRepository clinics, AuditTrail audit, Clock clock) {
        this.clinics = clinics;
        this.audit = audit;
        this.clock = clock;
    }

    /** The clinics within {@code area} (a county, city or province code). */
    @WithSession
    public Uni<List<FeverClinicRow>> within(String area) {
        return clinics.within(RegionSpan.of(area));
    }

    /**
     * The clinics a resident of {@code regionCode} is pointed to: those of their county, or when it
     * has none, those of their city. None when the region is unknown.
     */
    @WithSession
    public Uni<List<FeverClinicRow>> near(String regionCode) {
        if (regionCode == null || !Regions.table().isKnown(regionCode)) {
            return Uni.createFrom().item(List.of());
        }
        return clinics.within(RegionSpan.of(regionCode)).chain(county -> {
            String city = regionCode.substring(0, 4) + "00";
            if (!county.isEmpty() || city.equals(regionCode) || regionCode.endsWith("0000")) {
                return Uni.createFrom().item(county);
            }
            return clinics.within(RegionSpan.of(city));
        });
    }

    @WithTransaction
    public Uni<FeverClinicRow> add(Caller caller, Details details) {
        String province = caller.staffProvince();
        String clinicProvince = Regions.provinceOf(details.regionCode());
        if (!province.equals(clinicProvince)) {
            return refuse(caller, ADDED, null, clinicProvince);
        }
        Instant now = now();
        FeverClinicRow row = new FeverClinicRow();
        row.id = UUID.randomUUID();
        apply(row, details, now);
        return clinics.persist(row)
                .call(saved -> audit.recordWithin(entry(now, caller, ADDED, saved)));
    }

    @WithTransaction
    public Uni<FeverClinicRow> change(Caller caller, UUID id, Details details) {
        String province = caller.staffProvince();
        Instant now = now();
        return found(id).chain(row -> {
            if (!province.equals(row.province)) {
                return refuse(caller, CHANGED, id, row.province);
            }
            String newProvince = Regions.provinceOf(details.regionCode());
            if (!province.equals(newProvince)) {
                return refuse(caller, CHANGED, id, newProvince);
            }
            apply(row, details, now);
            return audit.recordWithin(entry(now, caller, CHANGED, row)).replaceWith(row);
        });
    }

    @WithTransaction
    public Uni<FeverClinicRow> remove(Caller caller, UUID id) {
        String province = caller.staffProvince();
        Instant now = now();
        return found(id).chain(row -> {
            if (!province.equals(row.province)) {
                return refuse(caller, REMOVED, id, row.province);
            }
            return clinics.delete(row).call(() -> audit.recordWithin(entry(now, caller, REMOVED, row)))
                    .replaceWith(row);
        });
    }

    private Uni<FeverClinicRow> found(UUID id) {
        return clinics.findById(id).map(row -> {
            if (row == null) {
                throw ApiException.notFound("CLINIC_NOT_FOUND", "No fever clinic has this id");
            }
            return row;
        });
    }

    /** Records that the caller was refused another province's clinic, then refuses (403 FORBIDDEN_PROVINCE). */
    private <T> Uni<T> refuse(Caller caller, String action, UUID id, String clinicProvince) {
        String detail = "by an authority of " + Objects.requireNonNullElse(caller.province(), "no province");
        return audit.record(new AuditEntry(now(), caller.subject(), action, Outcome.REFUSED, null,
                        id == null ? null : id.toString(), clinicProvince, detail))
                .chain(() -> Uni.createFrom().failure(new ApiException(403, "FORBIDDEN_PROVINCE",
                        "Authorities keep the fever clinics of their own province only")));
    }

    private static void apply(FeverClinicRow row, Details details, Instant now) {
        row.name = details.name();
        row.address = details.address();
        row.regionCode = details.regionCode();
        row.province = Regions.provinceOf(details.regionCode());
        row.openingHours = details.openingHours();
        row.telephone = details.telephone();
        row.updatedAt = now;
    }

    private static AuditEntry entry(Instant now, Caller caller, String action, FeverClinicRow row) {
        return new AuditEntry(now, caller.subject(), action, Outcome.CHANGED, null, row.id.toString(), row.province,
                "region=" + row.regionCode);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
