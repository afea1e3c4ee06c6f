package org.healthcode.trace.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.healthcode.trace.domain.Exposure;
import org.healthcode.trace.service.CaseQueries.CaseContacts;

/**
 * {@code GET /v1/cases/{id}/chain}: the transmission graph of a case. The case is a node of role
 * CASE (degree 0), every contact a node of role CONTACT; each contact has one edge from whoever
 * exposed them: the case for degree 1, the close contact for degree 2.
 */
public record Chain(UUID caseId, List<Node> nodes, List<Edge> edges) {

    public enum Role { CASE, CONTACT }

    public record Node(String subjectId, Role role, int degree) {
    }

    public record Edge(String source, String target, UUID venueId, Instant overlapFrom, Instant overlapTo,
            Exposure exposure, int degree) {
    }

    static Chain of(CaseContacts found) {
        List<Node> nodes = new ArrayList<>(found.contacts().size() + 1);
        List<Edge> edges = new ArrayList<>(found.contacts().size());
        nodes.add(new Node(found.c().subjectId(), Role.CASE, 0));
        found.contacts().forEach(c -> {
            nodes.add(new Node(c.contactSubjectId(), Role.CONTACT, c.degree()));
            edges.add(new Edge(c.sourceSubjectId(), c.contactSubjectId(), c.venueId(), c.overlapFrom(),
                    c.overlapTo(), c.exposure(), c.degree()));
        });
        return new Chain(found.c().id(), nodes, edges);
    }
}
