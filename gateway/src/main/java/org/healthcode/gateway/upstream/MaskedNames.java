package org.healthcode.gateway.upstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Collection;
import java.util.List;

/** declaration-service's batch of masked names; subjects it does not know are absent. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MaskedNames(List<MaskedName> items) {

    public static final int MAX_PER_CALL = 500;

    /** The question: at most {@link #MAX_PER_CALL} subjectIds. */
    public record Request(Collection<String> subjectIds) {
    }
}
