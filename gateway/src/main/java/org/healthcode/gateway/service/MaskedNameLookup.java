package org.healthcode.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.healthcode.gateway.upstream.DeclarationClient;
import org.healthcode.gateway.upstream.MaskedName;
import org.healthcode.gateway.upstream.MaskedNames;
import org.healthcode.gateway.upstream.Upstream;

/**
 * Adds masked names to what staff see (scan decisions, contacts, chains), from declaration-service's
 * batch call: one call for up to 500 subjects. A subject it does not know (another province's, one
 * never registered) gets {@code maskedName: null}; the field is always there.
 */
@ApplicationScoped
public class MaskedNameLookup {

    public static final String FIELD = "maskedName";

    private final DeclarationClient declaration;

    public MaskedNameLookup(@RestClient DeclarationClient declaration) {
        this.declaration = declaration;
    }

    /** One object named by its {@code subjectId} field (none: no call, null name). */
    public Uni<ObjectNode> addTo(ObjectNode answer) {
        return addToEach(List.of(answer), "subjectId", null).replaceWith(answer);
    }

    /** Each object of {@code answer[listField]}, named by its {@code idField}. */
    public Uni<ObjectNode> addTo(ObjectNode answer, String listField, String idField) {
        return addToEach(answer.path(listField), idField, null).replaceWith(answer);
    }

    /**
     * Each object of {@code objects}, named by its {@code idField}. {@code authorization} null: the
     * caller's token is propagated; given when asked after the request has answered (streaming).
     */
    public Uni<Void> addToEach(Iterable<JsonNode> objects, String idField, String authorization) {
        Set<String> subjectIds = new LinkedHashSet<>();
        for (JsonNode object : objects) {
            JsonNode id = object.get(idField);
            if (id != null && id.isTextual()) {
                subjectIds.add(id.asText());
            }
        }
        return of(subjectIds, authorization).invoke(names -> {
            for (JsonNode object : objects) {
                if (object instanceof ObjectNode named) {
                    JsonNode id = object.get(idField);
                    named.put(FIELD, id != null && id.isTextual() ? names.get(id.asText()) : null);
                }
            }
        }).replaceWithVoid();
    }

    /** Masked names by subjectId, for the known ones among these. */
    public Uni<Map<String, String>> of(Set<String> subjectIds, String authorization) {
        if (subjectIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<List<String>> batches = new ArrayList<>();
        List<String> all = List.copyOf(subjectIds);
        for (int from = 0; from < all.size(); from += MaskedNames.MAX_PER_CALL) {
            batches.add(all.subList(from, Math.min(all.size(), from + MaskedNames.MAX_PER_CALL)));
        }
        return Multi.createFrom().iterable(batches)
                .onItem().transformToUniAndConcatenate(batch -> Upstream.read("declaration",
                        declaration.maskedNames(authorization, new MaskedNames.Request(batch))))
                .collect().in(HashMap::new, (names, answer) -> {
                    if (answer != null && answer.items() != null) {
                        for (MaskedName name : answer.items()) {
                            names.put(name.subjectId(), name.maskedName());
                        }
                    }
                });
    }
}
