package org.healthcode.declaration.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The {@code data} of a {@code manifest-passenger-imported} event: the health authority's transport
 * manifest put a passenger (a pseudonym) in one carriage or cabin of one trip, in a seat when the
 * manifest names one. Contact tracing indexes it as a visit at the departure. Never a name or a
 * document number. Documented by {@code events/manifest-passenger-imported.schema.json} and its sample.
 *
 * @param venueId the carriage of the trip: a name-based UUID of {@code mode|vehicle|departure date|carriage},
 *                so that every passenger of one carriage of one trip shares it, whichever file named them
 */
public record ManifestPassengerImported(
        String subjectId,
        String mode,
        String vehicle,
        Instant departure,
        Instant arrival,
        String carriage,
        String seat,
        UUID venueId,
        String province,
        UUID importId) {

    public static final String TOPIC = "manifest-passenger-imported";

    /** The venue of one carriage of one trip (the departure date in the province's time zone). */
    public static UUID venueOf(String mode, String vehicle, LocalDate departureDate, String carriage) {
        return UUID.nameUUIDFromBytes((mode + "|" + vehicle + "|" + departureDate + "|" + carriage)
                .getBytes(StandardCharsets.UTF_8));
    }
}
