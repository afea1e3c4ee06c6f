package org.healthcode.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.healthcode.gateway.upstream.DeclarationClient;
import org.healthcode.gateway.upstream.RiskScoringClient;
import org.healthcode.gateway.upstream.Upstream;

/**
 * An authority answers an appeal at declaration-service, which owns appeals; when the appeal is
 * upheld with an override, the override is proposed at risk-scoring-service in the appeal's name,
 * for a second authority to approve. The answer is the appeal, with {@code overrideProposal}
 * when one was opened.
 */
@ApplicationScoped
public class AppealAnswers {

    private final DeclarationClient declaration;
    private final RiskScoringClient riskScoring;

    public AppealAnswers(@RestClient DeclarationClient declaration, @RestClient RiskScoringClient riskScoring) {
        this.declaration = declaration;
        this.riskScoring = riskScoring;
    }

    public Uni<ObjectNode> answer(String appealId, JsonNode answer) {
        JsonNode override = answer == null ? null : answer.get("override");
        ObjectNode toDeclaration = answer instanceof ObjectNode object ? object.deepCopy()
                : JsonNodeFactory.instance.objectNode();
        toDeclaration.remove("override");
        return Upstream.read("declaration", declaration.answer(appealId, toDeclaration)).chain(appeal -> {
            if (override == null || !override.isObject() || !"UPHELD".equals(appeal.path("status").asText())) {
                return Uni.createFrom().item(appeal);
            }
            ObjectNode proposal = ((ObjectNode) override).deepCopy();
            proposal.put("subjectId", appeal.path("subjectId").asText());
            proposal.put("justification", "Appeal " + appealId + " upheld");
            return Upstream.read("risk-scoring", riskScoring.proposeRead(proposal))
                    .map(proposed -> appeal.set("overrideProposal", proposed));
        });
    }
}
