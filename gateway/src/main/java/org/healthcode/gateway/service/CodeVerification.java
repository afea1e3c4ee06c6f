package org.healthcode.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.healthcode.gateway.upstream.CodeIssuerClient;
import org.healthcode.gateway.upstream.DeclarationClient;
import org.healthcode.gateway.upstream.MaskedName;
import org.healthcode.gateway.upstream.Upstream;

/**
 * A checkpoint's verification: code-issuer's verdict on the token, plus the holder's masked name
 * from declaration-service when the code is valid, so staff can compare it with the person.
 */
@ApplicationScoped
public class CodeVerification {

    private final CodeIssuerClient codeIssuer;
    private final DeclarationClient declaration;

    public CodeVerification(@RestClient CodeIssuerClient codeIssuer, @RestClient DeclarationClient declaration) {
        this.codeIssuer = codeIssuer;
        this.declaration = declaration;
    }

    public Uni<ObjectNode> verify(JsonNode request) {
        return Upstream.read("code-issuer", codeIssuer.verify(request)).flatMap(verdict -> {
            String subjectId = verdict.path("subjectId").asText(null);
            if (!verdict.path("valid").asBoolean(false) || subjectId == null) {
                return Uni.createFrom().item(verdict.putNull("maskedName"));
            }
            return maskedName(subjectId).map(name -> verdict.put("maskedName", name));
        });
    }

    /**
     * Null for a holder declaration-service does not know, or will not name to this staff member (a
     * person of another province: staff see the masked names of their own province's people only).
     */
    private Uni<String> maskedName(String subjectId) {
        Uni<String> name = declaration.maskedName(subjectId).map(MaskedName::maskedName)
                .onFailure(CodeVerification::unnamed).recoverWithNull();
        return Upstream.read("declaration", name);
    }

    private static boolean unnamed(Throwable failure) {
        return failure instanceof WebApplicationException refusal
                && (refusal.getResponse().getStatus() == 404 || refusal.getResponse().getStatus() == 403);
    }
}
