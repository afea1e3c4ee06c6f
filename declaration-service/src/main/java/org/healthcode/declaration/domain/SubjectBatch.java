package org.healthcode.declaration.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The subjectIds of one batch question: 1 to {@value #MAX} of them, none blank; repeats count once. */
public final class SubjectBatch {

    public static final int MAX = 500;

    public record Form(List<String> subjectIds) {
    }

    private SubjectBatch() {
    }

    public static Set<String> of(Form form) {
        Violations problems = new Violations();
        List<String> ids = form == null ? null : form.subjectIds();
        if (problems.required(ids, "subjectIds") != null) {
            if (ids.isEmpty() || ids.size() > MAX) {
                problems.add("subjectIds", "must list 1 to " + MAX + " subjectIds");
            } else if (ids.stream().anyMatch(id -> id == null || id.isBlank())) {
                problems.add("subjectIds", "must not contain empty entries");
            }
        }
        problems.throwIfAny();
        return new LinkedHashSet<>(ids);
    }
}
