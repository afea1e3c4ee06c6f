package org.healthcode.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.healthcode.gateway.upstream.CodeIssuerColoursClient;
import org.healthcode.gateway.upstream.CodeIssuerColoursClient.ColourOf;
import org.healthcode.gateway.upstream.DeclarationClient;
import org.healthcode.gateway.upstream.Upstream;

/**
 * An organisation's daily roster: declaration-service says who joined the caller's organisation
 * (it checks the caller is that organisation's staff, audits the read, and answers masked names and
 * whether today's declaration and check-in are done); code-issuer adds each one's colour and gold
 * mark, asked with the gateway's own identity for exactly those subjects. The pseudonyms stay here:
 * the answer names a line by its membership only.
 */
@ApplicationScoped
public class OrganisationRoster {

    private final DeclarationClient declaration;
    private final CodeIssuerColoursClient codeIssuer;

    public OrganisationRoster(@RestClient DeclarationClient declaration, @RestClient CodeIssuerColoursClient codeIssuer) {
        this.declaration = declaration;
        this.codeIssuer = codeIssuer;
    }

    public Uni<ObjectNode> roster() {
        return Upstream.read("declaration", declaration.roster()).chain(roster -> {
            List<JsonNode> lines = new ArrayList<>();
            roster.path("items").forEach(lines::add);
            Set<String> subjectIds = new LinkedHashSet<>();
            lines.forEach(line -> subjectIds.add(line.path("subjectId").asText()));
            return colours(subjectIds).map(colours -> {
                ArrayNode items = roster.putArray("items");
                for (JsonNode line : lines) {
                    ColourOf colour = colours.get(line.path("subjectId").asText());
                    ObjectNode item = items.addObject();
                    item.set("memberId", line.get("memberId"));
                    item.set("maskedName", line.get("maskedName"));
                    item.put("colour", colour == null ? null : colour.colour());
                    item.put("gold", colour != null && colour.gold());
                    item.set("declaredToday", line.get("declaredToday"));
                    item.set("checkedInToday", line.get("checkedInToday"));
                }
                return roster;
            });
        });
    }

    private Uni<Map<String, ColourOf>> colours(Set<String> subjectIds) {
        if (subjectIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> all = List.copyOf(subjectIds);
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CodeIssuerColoursClient.MAX_PER_CALL) {
            batches.add(all.subList(from, Math.min(all.size(), from + CodeIssuerColoursClient.MAX_PER_CALL)));
        }
        return Multi.createFrom().iterable(batches)
                .onItem().transformToUniAndConcatenate(batch -> Upstream.read("code-issuer",
                        codeIssuer.colours(new CodeIssuerColoursClient.Request(batch))))
                .collect().in(HashMap::new, (found, answer) -> {
                    if (answer != null && answer.items() != null) {
                        answer.items().forEach(colour -> found.put(colour.subjectId(), colour));
                    }
                });
    }
}
