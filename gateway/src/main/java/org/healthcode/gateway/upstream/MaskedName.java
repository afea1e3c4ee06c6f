package org.healthcode.gateway.upstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

@JsonIgnoreProperties(ignoreUnknown = true)
public record MaskedName(String subjectId, String maskedName) {
}
