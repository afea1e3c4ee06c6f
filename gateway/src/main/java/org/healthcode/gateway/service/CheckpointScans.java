package org.healthcode.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.healthcode.gateway.upstream.DeclarationClient;
import org.healthcode.gateway.upstream.ScanCheckpointClient;
import org.healthcode.gateway.upstream.ScanCheckpointPlatformClient;
import org.healthcode.gateway.upstream.SubjectResolution;
import org.healthcode.gateway.upstream.Upstream;
import org.healthcode.gateway.upstream.UpstreamFailure;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.Caller;
import org.healthcode.kit.web.ErrorMappers;

/**
 * A checkpoint's scans: scan-checkpoint's decision, plus the holder's masked name for ALLOW and DENY
 * alike, so staff can compare it with an ID. An ID-card scan first turns the document into its
 * subjectId at declaration-service; only that pseudonym travels on to scan-checkpoint.
 */
@ApplicationScoped
public class CheckpointScans {

    private final ScanCheckpointClient scanCheckpoint;
    private final ScanCheckpointPlatformClient platform;
    private final SecurityIdentity identity;
    private final DeclarationClient declaration;
    private final MaskedNameLookup names;

    public CheckpointScans(@RestClient ScanCheckpointClient scanCheckpoint,
            @RestClient ScanCheckpointPlatformClient platform, @RestClient DeclarationClient declaration,
            MaskedNameLookup names, SecurityIdentity identity) {
        this.scanCheckpoint = scanCheckpoint;
        this.platform = platform;
        this.identity = identity;
        this.declaration = declaration;
        this.names = names;
    }

    public Uni<ObjectNode> scan(JsonNode request) {
        return Upstream.read("scan-checkpoint", scanCheckpoint.scan(request)).flatMap(names::addTo);
    }

    public Uni<ObjectNode> scanIdCard(JsonNode request) {
        ObjectNode body = Fields.object(request);
        // scan-checkpoint takes a bare subject from the platform only, on behalf of this staff member
        Caller staff = Caller.of(identity);
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.set("documentType", body.get("documentType"));
        document.set("documentNumber", body.get("documentNumber"));
        return Upstream.read("declaration", declaration.resolve(document)).map(CheckpointScans::required)
                .flatMap(subject -> {
                    ObjectNode scan = JsonNodeFactory.instance.objectNode();
                    scan.put("subjectId", subject.subjectId());
                    scan.set("venueId", body.get("venueId"));
                    scan.set("scanId", body.get("scanId"));
                    Uni<ObjectNode> decision = Upstream.read("scan-checkpoint",
                            platform.scanSubject(staff.subject(), staff.province(), scan));
                    // nobody registered this document: there is no name to show
                    return subject.registered() ? decision.flatMap(names::addTo)
                            : decision.map(answer -> answer.putNull(MaskedNameLookup.FIELD));
                });
    }

    static SubjectResolution required(SubjectResolution resolution) {
        if (resolution == null || resolution.subjectId() == null || resolution.subjectId().isBlank()) {
            throw new UpstreamFailure(ErrorMappers.respond(502, ApiError.of("UPSTREAM_INVALID",
                    "The declaration service answered without a subject")));
        }
        return resolution;
    }
}
