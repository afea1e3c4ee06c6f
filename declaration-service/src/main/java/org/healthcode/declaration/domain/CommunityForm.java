package org.healthcode.declaration.domain;

/** Naming one's residential community: the id of its venue (scan-checkpoint-service's). */
public record CommunityForm(String venueId) {
}
