package org.healthcode.gateway.upstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The subject behind a document, as declaration-service resolves it (registered or not). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubjectResolution(String subjectId, boolean registered) {
}
