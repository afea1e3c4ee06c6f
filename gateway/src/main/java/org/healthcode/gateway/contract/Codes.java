package org.healthcode.gateway.contract;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.healthcode.gateway.contract.Enums.Colour;
import org.healthcode.gateway.contract.Enums.ReasonCode;

/** A health code, why it has its colour, its verification, and the keys that verify it offline. */
public final class Codes {

    @Schema(description = "A health code: its colour and the signed token its QR code carries (a JWS, ES256)")
    public record HealthCode(
            @Schema(required = true) String subjectId,
            @Schema(required = true) Colour colour,
            @Schema(required = true, description = "Fully vaccinated (shown on a green code)") boolean gold,
            @Schema(required = true) String token,
            @Schema(required = true, description = "When the token expires: show the code again before") Instant expiresAt,
            @Schema(required = true, nullable = true) Instant validUntil,
            @Schema(required = true, description = "A daily check-in is due") boolean declarationDue,
            @Schema(required = true, nullable = true) Instant quarantineUntil,
            @Schema(required = true) List<CodeReason> reasons) {
    }

    public record CodeReason(@Schema(required = true) ReasonCode code, @Schema(required = true) Instant since,
            @Schema(required = true, nullable = true) Instant until) {
    }

    @Schema(description = "Why a code has its colour, in plain language")
    public record Explanation(
            @Schema(required = true) String subjectId,
            @Schema(required = true) Colour colour,
            @Schema(required = true) boolean gold,
            @Schema(required = true) int ruleSetVersion,
            @Schema(required = true, example = "zh") String language,
            @Schema(required = true, nullable = true) Instant validUntil,
            @Schema(required = true, nullable = true) Instant quarantineUntil,
            @Schema(required = true) String summary,
            @Schema(required = true) List<ExplainedReason> reasons) {
    }

    public record ExplainedReason(@Schema(required = true) ReasonCode code, @Schema(required = true) Colour colour,
            @Schema(required = true) Instant since, @Schema(required = true, nullable = true) Instant until,
            @Schema(required = true) String title, @Schema(required = true) String text,
            @Schema(required = true) String action,
            @Schema(required = true, nullable = true, description = "For SYMPTOMS: the fever clinics of the holder's "
                    + "county (or city, when the county has none); null for every other reason")
            List<PublicHealth.FeverClinic> clinics) {
    }

    public record CodeToVerify(@Schema(required = true, description = "The text of the QR code") String token) {
    }

    @Schema(description = "A code's verdict: when valid, the holder's colour now and masked name")
    public record Verification(
            @Schema(required = true) boolean valid,
            @Schema(required = true, nullable = true, description = "Why not valid (EXPIRED, BAD_SIGNATURE, …)")
            String reason,
            @Schema(required = true, nullable = true, description = "The holder's colour now") Colour colour,
            @Schema(required = true, nullable = true) Boolean gold,
            @Schema(required = true, nullable = true, description = "The colour the token was signed with")
            Colour tokenColour,
            @Schema(required = true, nullable = true) String province,
            @Schema(required = true, nullable = true) String subjectId,
            @Schema(required = true, nullable = true) Instant expiresAt,
            @Schema(required = true, nullable = true, example = "张*三") String maskedName) {
    }

    @Schema(description = "A JWK set (RFC 7517)")
    public record Jwks(@Schema(required = true) List<Jwk> keys) {
    }

    @Schema(description = "A public key (EC P-256) that verifies codes")
    public record Jwk(@Schema(required = true, example = "EC") String kty,
            @Schema(required = true, example = "P-256") String crv,
            @Schema(required = true) String x, @Schema(required = true) String y,
            @Schema(required = true) String kid,
            @Schema(required = true, example = "ES256") String alg,
            @Schema(required = true, example = "sig") String use) {
    }

    @Schema(description = "The provinces whose codes this province's checkpoints accept: province code → its keys",
            type = SchemaType.OBJECT, additionalProperties = Jwks.class)
    public static final class TrustList {
        private TrustList() {
        }
    }

    private Codes() {
    }
}
