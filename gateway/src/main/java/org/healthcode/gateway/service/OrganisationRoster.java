package org.healthcode.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;
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
    private final SubjectColours colours;

    public OrganisationRoster(@RestClient DeclarationClient declaration, SubjectColours colours) {
        this.declaration = declaration;
        this.colours = colours;
    }

    public Uni<ObjectNode> roster() {
        return Upstream.read("declaration", declaration.roster()).chain(roster -> {
            List<JsonNode> lines = new ArrayList<>();
            roster.path("items").forEach(lines::add);
            Set<String> subjectIds = new LinkedHashSet<>();
            lines.forEach(line -> subjectIds.add(line.path("subjectId").asText()));
            return colours.of(subjectIds).map(found -> {
                ArrayNode items = roster.putArray("items");
                for (JsonNode line : lines) {
                    ColourOf colour = found.get(line.path("subjectId").asText());
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
}
