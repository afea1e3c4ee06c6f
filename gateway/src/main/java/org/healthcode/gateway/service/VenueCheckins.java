package org.healthcode.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.healthcode.gateway.upstream.ScanCheckpointPlatformClient;
import org.healthcode.gateway.upstream.Upstream;
import org.healthcode.kit.web.Caller;

/**
 * A citizen who scanned a venue's poster, alone or with dependents. Whose visit it is comes from
 * declaration-service, never from the request: the caller's own subject, and each listed dependent's
 * (another's dependent is a 404 DEPENDENT_NOT_FOUND there, so here, and nothing is recorded).
 */
@ApplicationScoped
public class VenueCheckins {

    /** A guardian has at most five dependents. */
    static final int MAX_DEPENDENTS = 5;

    private final SubjectLookup subjects;
    private final SecurityIdentity identity;
    private final ScanCheckpointPlatformClient scanCheckpoint;

    public VenueCheckins(SubjectLookup subjects, @RestClient ScanCheckpointPlatformClient scanCheckpoint,
            SecurityIdentity identity) {
        this.subjects = subjects;
        this.identity = identity;
        this.scanCheckpoint = scanCheckpoint;
    }

    public Uni<Response> checkIn(JsonNode request) {
        ObjectNode body = Fields.object(request);
        String citizen = Caller.of(identity).subject();
        Set<String> dependents = Fields.optionalTexts(body, "dependents", MAX_DEPENDENTS);
        return subjects.ofCaller().flatMap(self -> companions(dependents).flatMap(companions -> {
            ObjectNode checkin = JsonNodeFactory.instance.objectNode();
            checkin.set("venueCode", body.get("venueCode"));
            checkin.put("subjectId", self);
            ArrayNode companionIds = checkin.putArray("companions");
            companions.forEach(companionIds::add);
            // a client that retries sends its own id, so the visit is recorded once
            JsonNode checkinId = body.get("checkinId");
            if (checkinId == null || checkinId.isNull()) {
                checkin.put("checkinId", UUID.randomUUID().toString());
            } else {
                checkin.set("checkinId", checkinId);
            }
            return Upstream.relay("scan-checkpoint", scanCheckpoint.venueCheckin(citizen, checkin));
        }));
    }

    private Uni<List<String>> companions(Set<String> dependents) {
        if (dependents.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.join().all(dependents.stream().map(subjects::ofDependent).toList()).andFailFast();
    }
}
