package org.healthcode.gateway.contract;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.healthcode.gateway.contract.Enums.AppealDecision;
import org.healthcode.gateway.contract.Enums.AppealStatus;
import org.healthcode.gateway.contract.Enums.AuditOutcome;
import org.healthcode.gateway.contract.Enums.Colour;
import org.healthcode.gateway.contract.Enums.OverrideStatus;
import org.healthcode.gateway.contract.Enums.RiskLevel;
import org.healthcode.gateway.contract.Enums.RuleSetStatus;

/** Region risk, appeals, overrides, rule sets, the audit trail and the data commands. */
public final class Governance {

    public record RegionRiskChange(@Schema(required = true) RiskLevel level) {
    }

    public record RegionRisk(@Schema(required = true) String regionCode, @Schema(required = true) RiskLevel level,
            @Schema(required = true) Instant updatedAt) {
    }

    public record RegionRisks(@Schema(required = true) List<RegionRisk> items) {
    }

    @Schema(description = "A dispute of a colour: the caller's own, or a dependent's (its subjectId)")
    public record AppealRequest(String subjectId, @Schema(required = true, maxLength = 1000) String reason) {
    }

    public record Appeal(@Schema(required = true) UUID id, @Schema(required = true) String subjectId,
            @Schema(required = true) AppealStatus status, @Schema(required = true) String reason,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true, nullable = true, description = "Null while open") AppealAnswer answer) {
    }

    public record AppealAnswer(@Schema(required = true) AppealStatus decision,
            @Schema(required = true, nullable = true) String note, @Schema(required = true) Instant answeredAt) {
    }

    public record Appeals(@Schema(required = true) List<Appeal> items) {
    }

    public record QueuedAppeal(@Schema(required = true) UUID id, @Schema(required = true) String subjectId,
            @Schema(required = true, nullable = true) String maskedName,
            @Schema(required = true) AppealStatus status, @Schema(required = true) String reason,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true, nullable = true) AppealAnswer answer) {
    }

    public record QueuedAppeals(@Schema(required = true) List<QueuedAppeal> items) {
    }

    @Schema(description = "An authority's answer; an upheld one may propose an override for a second authority")
    public record AppealVerdict(@Schema(required = true) AppealDecision decision, String note,
            ProposedColour override) {
    }

    public record ProposedColour(@Schema(required = true) Colour colour, @Schema(required = true) Instant until) {
    }

    @Schema(description = "The answered appeal; overrideProposal when the answer proposed one")
    public record AnsweredAppeal(@Schema(required = true) UUID id, @Schema(required = true) String subjectId,
            @Schema(required = true) AppealStatus status, @Schema(required = true) String reason,
            @Schema(required = true) Instant createdAt, @Schema(required = true) AppealAnswer answer,
            ColourOverride overrideProposal) {
    }

    public record OverrideProposal(@Schema(required = true) String subjectId, @Schema(required = true) Colour colour,
            @Schema(required = true) String justification, @Schema(required = true) Instant until) {
    }

    public record OverrideDecision(@Schema(maxLength = 500) String note) {
    }

    public record ColourOverride(@Schema(required = true) UUID id, @Schema(required = true) String subjectId,
            @Schema(required = true) Colour colour, @Schema(required = true) Instant until,
            @Schema(required = true) OverrideStatus status, @Schema(required = true) String justification,
            @Schema(required = true) String proposedBy, @Schema(required = true) Instant proposedAt,
            @Schema(required = true) Instant expiresAt,
            @Schema(required = true, nullable = true) String decidedBy,
            @Schema(required = true, nullable = true) Instant decidedAt,
            @Schema(required = true, nullable = true) String note) {
    }

    public record Overrides(@Schema(required = true) List<ColourOverride> items) {
    }

    @Schema(description = "The rules as data: per reason its colour and duration, what counts as symptoms, "
            + "what counts as fully vaccinated, how far back declared facts count")
    public record RuleDefinition(@Schema(required = true) Map<String, ReasonRule> reasons, SymptomRule symptoms,
            Integer fullVaccinationDoses, Integer lookBackDays) {
    }

    public record ReasonRule(@Schema(required = true) Colour colour,
            @Schema(nullable = true, description = "Null: until the authority or a later submission ends it")
            Integer durationDays) {
    }

    public record SymptomRule(@Schema(required = true) Double feverCelsius, @Schema(required = true) List<String> respiratory,
            @Schema(required = true) Integer respiratoryNeeded) {
    }

    public record DryRunRequest(@Schema(required = true) RuleDefinition definition) {
    }

    public record RuleSetPublication(@Schema(required = true) RuleDefinition definition,
            @Schema(required = true) Instant effectiveFrom) {
    }

    public record RuleSetVersion(@Schema(required = true) String province, @Schema(required = true) int version,
            @Schema(required = true) Instant effectiveFrom, @Schema(required = true) RuleSetStatus status,
            @Schema(required = true) RuleDefinition definition, @Schema(required = true) Instant publishedAt,
            @Schema(required = true, nullable = true) String publishedBy) {
    }

    @Schema(description = "How many of the province's subjects the definition would turn from which colour to which")
    public record DryRun(@Schema(required = true) String province, @Schema(required = true) long subjects,
            @Schema(required = true) List<ColourChange> changes, @Schema(required = true) long unchanged) {
    }

    public record ColourChange(@Schema(required = true) Colour from, @Schema(required = true) Colour to,
            @Schema(required = true) long count) {
    }

    public record PublishedRuleSet(@Schema(required = true) String province, @Schema(required = true) int version,
            @Schema(required = true) Instant effectiveFrom) {
    }

    public record AuditTrail(@Schema(required = true) List<AuditEntry> entries) {
    }

    public record AuditEntry(@Schema(required = true, example = "declaration") String service,
            @Schema(required = true) Instant at, @Schema(required = true) String actor,
            @Schema(required = true) String action, @Schema(required = true) AuditOutcome outcome,
            @Schema(required = true, nullable = true) String subjectId,
            @Schema(required = true, nullable = true) String object,
            @Schema(required = true, nullable = true) String province,
            @Schema(required = true, nullable = true) String detail) {
    }

    @Schema(description = "The end of the emergency: all intake stops, for good")
    public record EmergencyEndRequest(
            @Schema(required = true, constValue = "END THE EMERGENCY") String confirmation) {
    }

    @Schema(description = "The destruction after the end of the emergency, confirmed")
    public record DestructionRequest(
            @Schema(required = true, constValue = "DESTROY ALL PERSONAL DATA") String confirmation) {
    }

    @Schema(description = "A data command run in every service: each one's report, each that did not finish")
    public record DataCommandOutcome(@Schema(required = true) List<DataReport> reports,
            @Schema(required = true) List<ServiceFailure> failures,
            @Schema(required = true, description = "No failures; otherwise run it again") boolean complete,
            @Schema(description = "A destruction's events: every Kafka topic emptied, once the tables were")
            EventErasure events) {
    }

    @Schema(description = "Every Kafka topic of the platform, dead-letter topics included, emptied")
    public record EventErasure(@Schema(required = true, description = "The service that emptied them") String service,
            @Schema(required = true) List<TopicCount> topics,
            @Schema(required = true, description = "Every topic is empty: its start offset is its end offset")
            boolean empty) {
    }

    public record TopicCount(@Schema(required = true) String topic,
            @Schema(required = true, description = "The events removed") long removed,
            @Schema(required = true) boolean empty) {
    }

    @Schema(description = "The end of the emergency in every service")
    public record EmergencyState(@Schema(required = true, description = "Ended in every service") boolean ended,
            @Schema(required = true) List<ServiceEmergency> services,
            @Schema(required = true) List<ServiceFailure> failures,
            @Schema(required = true, description = "Every service answered; otherwise ask again") boolean complete) {
    }

    public record ServiceEmergency(@Schema(required = true) String service, @Schema(required = true) boolean ended,
            @Schema(required = true, nullable = true) Instant endedAt,
            @Schema(required = true, nullable = true, description = "The admin account that ended it") String endedBy) {
    }

    public record DataReport(@Schema(required = true) String service, @Schema(required = true) String action,
            @Schema(required = true) Instant at, @Schema(required = true, nullable = true) Instant cutoff,
            @Schema(required = true) List<TableCount> tables) {
    }

    public record TableCount(@Schema(required = true) String table, @Schema(required = true) long rows) {
    }

    public record ServiceFailure(@Schema(required = true) String service, @Schema(required = true) int status,
            @Schema(description = "UPSTREAM_UNAVAILABLE when it could not be reached") String error,
            @Schema(description = "topics: the destruction's events were not removed") String step) {
    }

    @Schema(description = "Every service's pending dead letters, oldest first: where and why, never their content")
    public record DeadLetters(@Schema(required = true) List<DeadLetter> deadLetters) {
    }

    public record DeadLetter(@Schema(required = true, description = "The first service that listed it") String service,
            @Schema(required = true, nullable = true, description = "The topic it was read from") String topic,
            @Schema(required = true) String deadLetterTopic, @Schema(required = true) int partition,
            @Schema(required = true) long offset, @Schema(required = true) Instant at,
            @Schema(required = true, nullable = true) String reason,
            @Schema(required = true, nullable = true, description = "The failure's type") String cause) {
    }

    @Schema(description = "A re-drive run in every service: what each published again, each that did not answer")
    public record RedriveOutcome(@Schema(required = true) List<Redriven> reports,
            @Schema(required = true) List<ServiceFailure> failures,
            @Schema(required = true, description = "No failures; otherwise run it again") boolean complete) {
    }

    public record Redriven(@Schema(required = true) String service,
            @Schema(required = true, description = "Dead letters published again, by topic") Map<String, Integer> topics,
            @Schema(required = true) int total) {
    }

    private Governance() {
    }
}
