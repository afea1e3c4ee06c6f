package org.healthcode.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.healthcode.gateway.upstream.ContactTraceClient;
import org.healthcode.gateway.upstream.DeclarationClient;
import org.healthcode.gateway.upstream.Upstream;

/**
 * The authority confirming, suspecting or clearing a case, of a person named by document or by
 * subjectId. A document is resolved to its subjectId at declaration-service (registered or not: the
 * pseudonym is deterministic); contact-trace only ever sees the pseudonym.
 */
@ApplicationScoped
public class CaseReports {

    private final DeclarationClient declaration;
    private final ContactTraceClient contactTrace;

    public CaseReports(@RestClient DeclarationClient declaration, @RestClient ContactTraceClient contactTrace) {
        this.declaration = declaration;
        this.contactTrace = contactTrace;
    }

    public Uni<Response> report(JsonNode request) {
        ObjectNode body = Fields.object(request);
        boolean byDocument = Fields.present(body, "documentType") || Fields.present(body, "documentNumber");
        boolean bySubject = Fields.present(body, "subjectId");
        if (byDocument && bySubject) {
            throw Fields.invalid("subjectId", "give either subjectId or documentType and documentNumber, not both");
        }
        if (!byDocument && !bySubject) {
            throw Fields.invalid("subjectId", "is required, or else documentType and documentNumber");
        }
        Uni<String> subject = bySubject ? Uni.createFrom().item(Fields.optionalText(body, "subjectId")) : resolve(body);
        return subject.flatMap(subjectId -> {
            ObjectNode report = JsonNodeFactory.instance.objectNode();
            report.put("subjectId", subjectId);
            report.set("status", body.get("status"));
            for (String optional : List.of("onsetDate", "regionCode")) {
                if (body.has(optional)) {
                    report.set(optional, body.get(optional));
                }
            }
            return Upstream.relay("contact-trace", contactTrace.report(report));
        });
    }

    private Uni<String> resolve(ObjectNode body) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.set("documentType", body.get("documentType"));
        document.set("documentNumber", body.get("documentNumber"));
        return Upstream.read("declaration", declaration.resolve(document))
                .map(resolution -> CheckpointScans.required(resolution).subjectId());
    }
}
