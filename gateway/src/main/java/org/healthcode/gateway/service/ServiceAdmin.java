package org.healthcode.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.healthcode.gateway.upstream.GovernanceClient;
import org.healthcode.gateway.upstream.Upstream;
import org.healthcode.kit.web.ApiException;
import org.healthcode.kit.web.ServiceCall;

/**
 * The admin's view over every data-owning service at once: one audit trail merged from the five,
 * their dead letters, and purge, destruction and the dead letters' re-drive run in each, answered
 * with one report per service.
 */
@ApplicationScoped
public class ServiceAdmin {

    /**
     * The services that hold data, by their REST client key (quarkus.rest-client.KEY.url, a
     * {@code stork://} one included): a command reaches one instance of each, which acts on the
     * service's whole database.
     */
    static final List<String> SERVICES = List.of("declaration", "risk-scoring", "code-issuer", "scan-checkpoint",
            "contact-trace");

    /** The service that empties every Kafka topic in a destruction, once for the platform. */
    static final String EVENTS = "declaration";

    private final Map<String, GovernanceClient> clients = new LinkedHashMap<>();

    public ServiceAdmin(Config config) {
        for (String service : SERVICES) {
            String url = config.getValue("quarkus.rest-client." + service + ".url", String.class);
            clients.put(service, QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(url))
                    .build(GovernanceClient.class));
        }
    }

    /**
     * Every service's entries matching the filters, each labelled with its service, oldest first,
     * at most {@code limit} in all. A service that refuses or is away fails the whole answer: a
     * partial audit trail would read as a complete one.
     */
    public Uni<ObjectNode> audit(String authorization, String subjectId, String actor, String from, String to,
            String limit) {
        List<Uni<List<ObjectNode>>> calls = new ArrayList<>();
        clients.forEach((service, client) -> calls.add(Upstream.read(service,
                client.audit(authorization, subjectId, actor, from, to, limit)).map(entries -> labelled(service, entries))));
        return Uni.join().all(calls).andFailFast().map(lists -> {
            List<ObjectNode> all = new ArrayList<>();
            lists.forEach(all::addAll);
            all.sort(Comparator.comparing((ObjectNode e) -> e.path("at").asText()));
            int max = limit == null ? 1000 : Integer.parseInt(limit);
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            answer.putArray("entries").addAll(all.subList(0, Math.min(max, all.size())));
            return answer;
        });
    }

    /**
     * Every service's pending dead letters, each labelled with the first service that listed it (a
     * dead-letter topic two services write to is listed by both), oldest first. A service that
     * refuses or is away fails the whole answer, as for the audit trail.
     */
    public Uni<ObjectNode> deadLetters(String authorization, String limit) {
        List<Uni<List<ObjectNode>>> calls = new ArrayList<>();
        clients.forEach((service, client) -> calls.add(Upstream.read(service, client.deadLetters(authorization, limit))
                .map(entries -> labelled(service, entries))));
        return Uni.join().all(calls).andFailFast().map(lists -> {
            Map<String, ObjectNode> unique = new LinkedHashMap<>();
            lists.forEach(list -> list.forEach(letter -> unique.putIfAbsent(letter.path("deadLetterTopic").asText()
                    + "/" + letter.path("partition").asText() + "/" + letter.path("offset").asText(), letter)));
            List<ObjectNode> all = new ArrayList<>(unique.values());
            all.sort(Comparator.comparing((ObjectNode e) -> e.path("at").asText()));
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            answer.putArray("deadLetters").addAll(all);
            return answer;
        });
    }

    /**
     * Re-drives every service's dead letters, one service after another (two services share the
     * dead-letter topic of {@code risk-recalculated}; one at a time, only the first re-drives it):
     * {@code reports} per service, {@code failures} those that did not answer, {@code complete}.
     */
    public Uni<ObjectNode> redrive(String authorization, String topic) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ArrayNode reports = answer.putArray("reports");
        ArrayNode failures = answer.putArray("failures");
        return io.smallrye.mutiny.Multi.createFrom().iterable(clients.entrySet())
                .onItem().transformToUniAndConcatenate(client -> ServiceCall.failingOver(
                                client.getValue().redrive(authorization, topic))
                        .map(report -> (ObjectNode) JsonNodeFactory.instance.objectNode().put("service", client.getKey())
                                .setAll(report))
                        .onFailure().recoverWithItem(failure -> failure(client.getKey(), failure)))
                .collect().asList().map(results -> {
                    for (ObjectNode result : results) {
                        (result.has("total") ? reports : failures).add(result);
                    }
                    answer.put("complete", failures.isEmpty());
                    return answer;
                });
    }

    public Uni<ObjectNode> purge(String authorization) {
        return inEach(client -> client.purge(authorization));
    }

    /**
     * Every service's end of the emergency: {@code services} each one's state, {@code failures}
     * those that did not answer, {@code ended} whether it has ended in every service.
     */
    public Uni<ObjectNode> emergency(String authorization) {
        return emergencyInEach(client -> client.emergency(authorization));
    }

    /** Ends the emergency in every service (again where it has ended: that changes nothing); answers as {@link #emergency}. */
    public Uni<ObjectNode> endEmergency(String authorization, JsonNode confirmation) {
        return emergencyInEach(client -> client.endEmergency(authorization, confirmation));
    }

    /**
     * Once the emergency has ended in every service (409 EMERGENCY_NOT_ENDED otherwise, nothing
     * destroyed): every service's tables, then, asked of one service ({@link #EVENTS}) once the
     * tables are empty, every Kafka topic: {@code events} says what went per topic and that each
     * is empty (not {@code complete} when one is not).
     */
    public Uni<ObjectNode> destroy(String authorization, JsonNode confirmation) {
        return emergency(authorization).chain(state -> {
            if (!state.path("ended").asBoolean()) {
                List<String> ongoing = new ArrayList<>();
                state.path("services").forEach(s -> {
                    if (!s.path("ended").asBoolean()) {
                        ongoing.add(s.path("service").asText());
                    }
                });
                state.path("failures").forEach(f -> ongoing.add(f.path("service").asText() + " (no answer)"));
                throw ApiException.conflict("EMERGENCY_NOT_ENDED", "The emergency has not ended in "
                        + String.join(", ", ongoing) + ": end it first (POST /api/v1/admin/emergency/end), so that "
                        + "nothing comes in after the destruction");
            }
            return inEach(client -> client.destroy(authorization, confirmation));
        }).chain(outcome -> ServiceCall.failingOver(clients.get(EVENTS).destroyEvents(authorization, confirmation))
                .map(erasure -> {
                    outcome.set("events", erasure);
                    if (!erasure.path("empty").asBoolean()) {
                        outcome.put("complete", false); // written to meanwhile: run it again
                    }
                    return outcome;
                })
                .onFailure().recoverWithItem(failure -> {
                    ((ArrayNode) outcome.path("failures")).add(failure(EVENTS, failure).put("step", "topics"));
                    outcome.put("complete", false);
                    return outcome;
                }));
    }

    private Uni<ObjectNode> emergencyInEach(java.util.function.Function<GovernanceClient, Uni<ObjectNode>> command) {
        List<Uni<ObjectNode>> calls = new ArrayList<>();
        clients.forEach((service, client) -> calls.add(ServiceCall.failingOver(command.apply(client))
                .map(state -> (ObjectNode) JsonNodeFactory.instance.objectNode().put("service", service).setAll(state))
                .onFailure().recoverWithItem(failure -> failure(service, failure))));
        return Uni.join().all(calls).andCollectFailures().map(results -> {
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            ArrayNode services = answer.putArray("services");
            ArrayNode failures = answer.putArray("failures");
            for (ObjectNode result : results) {
                (result.has("ended") ? services : failures).add(result);
            }
            boolean everywhere = failures.isEmpty();
            for (JsonNode service : services) {
                everywhere &= service.path("ended").asBoolean();
            }
            answer.put("ended", everywhere);
            answer.put("complete", failures.isEmpty());
            return answer;
        });
    }

    /**
     * Runs a command in every service, all of them even when one fails: {@code reports} holds each
     * service's report, {@code failures} each that did not answer with one, {@code complete}
     * whether there were none. Running it again finishes what is left.
     */
    private Uni<ObjectNode> inEach(java.util.function.Function<GovernanceClient, Uni<ObjectNode>> command) {
        List<Uni<ObjectNode>> calls = new ArrayList<>();
        clients.forEach((service, client) -> calls.add(ServiceCall.failingOver(command.apply(client))
                .onFailure().recoverWithItem(failure -> failure(service, failure))));
        return Uni.join().all(calls).andCollectFailures().map(results -> {
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            ArrayNode reports = answer.putArray("reports");
            ArrayNode failures = answer.putArray("failures");
            for (ObjectNode result : results) {
                (result.has("tables") ? reports : failures).add(result);
            }
            answer.put("complete", failures.isEmpty());
            return answer;
        });
    }

    private static ObjectNode failure(String service, Throwable failure) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("service", service);
        if (failure instanceof WebApplicationException refusal) {
            node.put("status", refusal.getResponse().getStatus());
        } else {
            node.put("status", 503).put("error", "UPSTREAM_UNAVAILABLE");
        }
        return node;
    }

    private static List<ObjectNode> labelled(String service, ArrayNode entries) {
        List<ObjectNode> labelled = new ArrayList<>();
        for (JsonNode entry : entries) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode().put("service", service);
            copy.setAll((ObjectNode) entry);
            labelled.add(copy);
        }
        return labelled;
    }
}
