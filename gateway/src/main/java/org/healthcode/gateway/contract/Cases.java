package org.healthcode.gateway.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.healthcode.gateway.contract.Enums.CaseChange;
import org.healthcode.gateway.contract.Enums.CaseStatus;
import org.healthcode.gateway.contract.Enums.ChainRole;
import org.healthcode.gateway.contract.Enums.DocumentType;
import org.healthcode.gateway.contract.Enums.Exposure;

/** Cases reported by the authority and what tracing found. */
public final class Cases {

    @Schema(description = "A case of a person named by exactly one of subjectId or documentType and documentNumber")
    public record CaseReport(String subjectId, DocumentType documentType,
            @Schema(example = "330106199001011234") String documentNumber,
            @Schema(required = true) CaseStatus status, LocalDate onsetDate,
            @Schema(description = "GB/T 2260 code of where the case is counted (public figures); the province "
                    + "when absent", example = "330106") String regionCode) {
    }

    @Schema(description = "What the report did to the person's case, and how many contacts tracing found")
    public record CaseDecision(@Schema(required = true) UUID id, @Schema(required = true) String subjectId,
            @Schema(required = true) CaseStatus status, @Schema(required = true) String province,
            @Schema(required = true) CaseChange change,
            @Schema(required = true, nullable = true) Integer contactsFound,
            @Schema(required = true, nullable = true) Integer contactsPublished) {
    }

    public record TraceCase(@Schema(required = true) UUID id, @Schema(required = true) String subjectId,
            @Schema(required = true) CaseStatus status, @Schema(required = true) String province,
            @Schema(required = true, nullable = true) String regionCode,
            @Schema(required = true, nullable = true) LocalDate onsetDate,
            @Schema(required = true, nullable = true) Instant confirmedAt,
            @Schema(required = true) Instant statusChangedAt) {
    }

    public record Contact(@Schema(required = true) String contactSubjectId,
            @Schema(required = true, minimum = "1", maximum = "2") int degree,
            @Schema(required = true) Exposure exposure,
            @Schema(required = true, nullable = true) UUID venueId,
            @Schema(required = true, nullable = true) Instant overlapFrom,
            @Schema(required = true, nullable = true) Instant overlapTo,
            @Schema(required = true) Instant lastExposure,
            @Schema(required = true, description = "Who the contact met: the case, or a contact of it")
            String sourceSubjectId,
            @Schema(required = true) UUID traceId,
            @Schema(required = true, nullable = true) String maskedName,
            @Schema(required = true, nullable = true, description = "A visitor's home province (GB/T 2260), where "
                    + "their finding is sent; null for this province's people") String homeProvince) {
    }

    public record ContactPage(@Schema(required = true) List<Contact> items,
            @Schema(required = true) int page, @Schema(required = true) int size,
            @Schema(required = true) long total) {
    }

    @Schema(description = "A transmission chain: people (masked) and where and when they met")
    public record Chain(@Schema(required = true) UUID caseId, @Schema(required = true) List<ChainNode> nodes,
            @Schema(required = true) List<ChainEdge> edges) {
    }

    public record ChainNode(@Schema(required = true) String subjectId, @Schema(required = true) ChainRole role,
            @Schema(required = true) int degree, @Schema(required = true, nullable = true) String maskedName) {
    }

    public record ChainEdge(@Schema(required = true) String source, @Schema(required = true) String target,
            @Schema(required = true, nullable = true) UUID venueId,
            @Schema(required = true, nullable = true) Instant overlapFrom,
            @Schema(required = true, nullable = true) Instant overlapTo,
            @Schema(required = true) Exposure exposure, @Schema(required = true) int degree) {
    }

    private Cases() {
    }
}
