package org.healthcode.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.healthcode.gateway.upstream.CodeIssuerColoursClient.ColourOf;
import org.healthcode.gateway.upstream.DeclarationClient;
import org.healthcode.gateway.upstream.Upstream;

/**
 * A community worker's list of who to knock on: declaration-service says who named the community
 * (it checks the community is one of the worker's, confines it to their province, audits the read
 * or export, and answers masked names, whether a dependent and today's check-in); code-issuer adds
 * each one's colour. A line needs attention when its colour is YELLOW or RED (who must check in
 * daily) or a day was missed; unless all are asked for, only those. The pseudonyms stay here: a line
 * is named by its own id only.
 */
@ApplicationScoped
public class CommunityResidents {

    private final DeclarationClient declaration;
    private final SubjectColours colours;

    public CommunityResidents(@RestClient DeclarationClient declaration, SubjectColours colours) {
        this.declaration = declaration;
        this.colours = colours;
    }

    /** {@code all}: every resident, not only those who need attention; {@code export}: read for a CSV. */
    public Uni<ObjectNode> list(String venueId, boolean all, boolean export) {
        return Upstream.read("declaration", declaration.communityResidents(venueId, export ? "true" : null))
                .chain(answer -> {
                    List<JsonNode> lines = new ArrayList<>();
                    answer.path("items").forEach(lines::add);
                    Set<String> subjectIds = new LinkedHashSet<>();
                    lines.forEach(line -> subjectIds.add(line.path("subjectId").asText()));
                    return colours.of(subjectIds).map(found -> withColours(answer, lines, found, all));
                });
    }

    /** The answer's lines with their colours and whether they need attention; only those unless {@code all}. */
    static ObjectNode withColours(ObjectNode answer, List<JsonNode> lines, Map<String, ColourOf> found, boolean all) {
        ArrayNode items = answer.putArray("items");
        for (JsonNode line : lines) {
            ColourOf colour = found.get(line.path("subjectId").asText());
            String checkin = line.path("checkin").asText();
            boolean attention = colour != null && !"GREEN".equals(colour.colour()) || "MISSED".equals(checkin);
            if (!all && !attention) {
                continue;
            }
            ObjectNode item = items.addObject();
            item.set("lineId", line.get("lineId"));
            item.set("maskedName", line.get("maskedName"));
            item.put("colour", colour == null ? null : colour.colour());
            item.set("dependent", line.get("dependent"));
            item.put("checkin", checkin);
            item.put("attention", attention);
        }
        return answer;
    }

    /** The same lines as CSV (RFC 4180), a header row first; a cell a spreadsheet would run is defused. */
    public static String csv(ObjectNode list) {
        StringBuilder csv = new StringBuilder("maskedName,colour,checkin,dependent,attention\r\n");
        for (JsonNode item : list.path("items")) {
            csv.append(ContactCsv.cell(text(item.get("maskedName")))).append(',')
                    .append(ContactCsv.cell(text(item.get("colour")))).append(',')
                    .append(ContactCsv.cell(text(item.get("checkin")))).append(',')
                    .append(item.path("dependent").asBoolean()).append(',')
                    .append(item.path("attention").asBoolean()).append("\r\n");
        }
        return csv.toString();
    }

    /** The download's file name, from the venue id cut down to characters that are safe in a header. */
    public static String fileName(String venueId) {
        return "community-" + venueId.replaceAll("[^A-Za-z0-9._-]", "_") + "-residents.csv";
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }
}
