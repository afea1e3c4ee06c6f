package org.healthcode.gateway.upstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The one field of a profile (own or a dependent's) that the gateway reads: its pseudonym. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubjectRef(String subjectId) {
}
