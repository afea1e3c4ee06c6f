package org.healthcode.gateway.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.healthcode.gateway.contract.Enums.DocumentType;
import org.healthcode.gateway.contract.Enums.Relation;
import org.healthcode.gateway.contract.Enums.SubmissionKind;
import org.healthcode.gateway.contract.Enums.Symptom;

/** Registration, profiles, declarations and daily check-ins of a citizen and their dependents. */
public final class Persons {

    @Schema(description = "A resident registering themselves")
    public record Registration(
            @Schema(required = true, example = "张三") String name,
            @Schema(required = true) DocumentType documentType,
            @Schema(required = true, example = "330106199001011234") String documentNumber,
            @Schema(required = true, example = "13800005678") String phone,
            @Schema(required = true, description = "GB/T 2260 code", example = "330106") String regionCode) {
    }

    @Schema(description = "A dependent registered by their guardian (at most 5); the phone is optional")
    public record DependentRegistration(
            @Schema(required = true, example = "张小三") String name,
            @Schema(required = true) DocumentType documentType,
            @Schema(required = true, example = "330106201501011236") String documentNumber,
            String phone,
            @Schema(required = true, example = "330106") String regionCode,
            @Schema(required = true) Relation relation) {
    }

    @Schema(description = "The caller's own registration, masked")
    public record Profile(
            @Schema(required = true) UUID id,
            @Schema(required = true, description = "The pseudonym: 22 characters of base64url") String subjectId,
            @Schema(required = true, example = "张*三") String maskedName,
            @Schema(required = true) DocumentType documentType,
            @Schema(required = true, example = "3301**********1234") String maskedDocumentNumber,
            @Schema(required = true, example = "138****5678") String maskedPhone,
            @Schema(required = true) String regionCode,
            @Schema(required = true, description = "Province code (the region's first two digits, 0000)") String province,
            @Schema(required = true) Instant registeredAt) {
    }

    @Schema(description = "A dependent, masked")
    public record Dependent(
            @Schema(required = true) UUID id,
            @Schema(required = true) String subjectId,
            @Schema(required = true) String maskedName,
            @Schema(required = true) DocumentType documentType,
            @Schema(required = true) String maskedDocumentNumber,
            @Schema(required = true, nullable = true) String maskedPhone,
            @Schema(required = true) String regionCode,
            @Schema(required = true) String province,
            @Schema(required = true) Instant registeredAt,
            @Schema(required = true) Relation relation) {
    }

    public record Dependents(@Schema(required = true) List<Dependent> items) {
    }

    @Schema(description = "A self-declaration: travel of the last 14 days, contact with a case, symptoms, "
            + "temperature, vaccination and, for an inbound international traveller, the arrival")
    public record Declaration(List<Travel> travel, Boolean contactWithCase, List<Symptom> symptoms,
            @Schema(description = "°C", example = "36.6") Double temperature, Vaccination vaccination,
            Inbound inbound) {
    }

    public record Travel(@Schema(required = true, example = "420106") String regionCode,
            @Schema(required = true) LocalDate from, @Schema(required = true) LocalDate to) {
    }

    public record Vaccination(@Schema(required = true, example = "3") Integer doses, LocalDate lastDose) {
    }

    public record Inbound(@Schema(required = true, example = "CA982") String flight,
            @Schema(required = true, example = "US") String fromCountry,
            @Schema(required = true) LocalDate arrivalDate,
            @Schema(required = true, example = "PVG") String port) {
    }

    @Schema(description = "The daily health check-in")
    public record CheckIn(List<Symptom> symptoms, @Schema(description = "°C", example = "36.6") Double temperature) {
    }

    @Schema(description = "An accepted declaration or check-in")
    public record Submission(@Schema(required = true) UUID id, @Schema(required = true) String subjectId,
            @Schema(required = true) SubmissionKind kind, @Schema(required = true) Instant declaredAt) {
    }

    private Persons() {
    }
}
