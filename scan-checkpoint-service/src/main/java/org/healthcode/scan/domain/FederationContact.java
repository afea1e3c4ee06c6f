package org.healthcode.scan.domain;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.healthcode.kit.code.SubjectId;
import org.healthcode.kit.code.token.FederationMessage;

/**
 * A contact that one province's tracing found and sends to the contact's home province: the claims
 * of a {@link FederationMessage} of kind {@value #KIND}. Pseudonymous: the home province's
 * {@code subjectId} (a visitor's code carries their home's pseudonym), how they were exposed and
 * when; never a name, a document or the case. The sending (the case's) province is the message's
 * signed {@code iss}.
 *
 * @param findingId the sender's id of this finding (its contact-identified traceId): stable, so a
 *                  finding sent again is recognised by the home
 * @param degree    1: exposed by the case; 2: by a close contact of the case
 * @param exposure  {@code CLOSE}, {@code TRANSPORT} or {@code SPATIOTEMPORAL}, as contact-identified says
 */
public record FederationContact(String findingId, String subjectId, int degree, String exposure,
        Instant overlapFrom, Instant overlapTo, Instant lastExposure) {

    /** The message's {@code kind}: a colour request has none and cannot pass for a contact. */
    public static final String KIND = "contact";

    private static final Pattern FINDING = Pattern.compile("[A-Za-z0-9._~-]{1,64}");
    private static final java.util.Set<String> EXPOSURES = java.util.Set.of("CLOSE", "TRANSPORT", "SPATIOTEMPORAL");

    /** What a message carries that is not a contact (the field named, never its value). */
    public static final class Unreadable extends Exception {

        private final String field;

        Unreadable(String field) {
            super(field, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** The message's own claims (text values, {@link FederationMessage#sign}). */
    public Map<String, String> claims() {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("kind", KIND);
        claims.put("findingId", findingId);
        claims.put("subjectId", subjectId);
        claims.put("degree", Integer.toString(degree));
        claims.put("exposure", exposure);
        claims.put("overlapFrom", overlapFrom.toString());
        claims.put("overlapTo", overlapTo.toString());
        claims.put("lastExposure", lastExposure.toString());
        return claims;
    }

    /** The contact a verified message carries; {@link Unreadable} names the first claim that is amiss. */
    public static FederationContact of(FederationMessage.Verified message) throws Unreadable {
        if (!KIND.equals(message.text("kind"))) {
            throw new Unreadable("kind");
        }
        String findingId = message.text("findingId");
        if (findingId == null || !FINDING.matcher(findingId).matches()) {
            throw new Unreadable("findingId");
        }
        String subjectId = message.text("subjectId");
        if (!SubjectId.isValid(subjectId)) {
            throw new Unreadable("subjectId");
        }
        String degree = message.text("degree");
        if (!"1".equals(degree) && !"2".equals(degree)) {
            throw new Unreadable("degree");
        }
        String exposure = message.text("exposure");
        if (exposure == null || !EXPOSURES.contains(exposure)) {
            throw new Unreadable("exposure");
        }
        Instant from = instant(message, "overlapFrom");
        Instant to = instant(message, "overlapTo");
        Instant last = instant(message, "lastExposure");
        if (to.isBefore(from)) {
            throw new Unreadable("overlapTo");
        }
        return new FederationContact(findingId, subjectId, Integer.parseInt(degree), exposure, from, to, last);
    }

    private static Instant instant(FederationMessage.Verified message, String claim) throws Unreadable {
        String value = message.text(claim);
        try {
            if (value != null) {
                return Instant.parse(value);
            }
        } catch (DateTimeParseException e) {
            // named below
        }
        throw new Unreadable(claim);
    }
}
