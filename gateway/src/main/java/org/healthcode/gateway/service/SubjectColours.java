package org.healthcode.gateway.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.healthcode.gateway.upstream.CodeIssuerColoursClient;
import org.healthcode.gateway.upstream.CodeIssuerColoursClient.ColourOf;
import org.healthcode.gateway.upstream.Upstream;

/**
 * The colours and gold marks of the subjects declaration-service listed for a caller (a roster, a
 * community), from code-issuer with the gateway's own identity, in batches of its limit per call.
 * A subject without a colour yet is absent from the answer.
 */
@ApplicationScoped
public class SubjectColours {

    private final CodeIssuerColoursClient codeIssuer;

    public SubjectColours(@RestClient CodeIssuerColoursClient codeIssuer) {
        this.codeIssuer = codeIssuer;
    }

    public Uni<Map<String, ColourOf>> of(Collection<String> subjectIds) {
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
