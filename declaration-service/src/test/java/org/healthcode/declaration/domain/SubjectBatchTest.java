package org.healthcode.declaration.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ApiException;
import org.junit.jupiter.api.Test;

class SubjectBatchTest {

    @Test
    void repeatsCountOnceInTheirOrder() {
        assertEquals(List.of("b", "a"), List.copyOf(SubjectBatch.of(new SubjectBatch.Form(List.of("b", "a", "b")))));
    }

    @Test
    void fiveHundredIsTheMost() {
        List<String> ids = new ArrayList<>(Collections.nCopies(SubjectBatch.MAX, "x"));
        for (int i = 0; i < ids.size(); i++) {
            ids.set(i, "subject-" + i);
        }
        assertEquals(SubjectBatch.MAX, SubjectBatch.of(new SubjectBatch.Form(ids)).size());
        ids.add("one-too-many");
        assertRefused(new SubjectBatch.Form(ids));
    }

    @Test
    void noneEmptyOrMissingIsRefused() {
        assertRefused(new SubjectBatch.Form(List.of()));
        assertRefused(new SubjectBatch.Form(null));
        assertRefused(null);
        assertRefused(new SubjectBatch.Form(Arrays.asList("a", null)));
        assertRefused(new SubjectBatch.Form(List.of("a", " ")));
    }

    private static void assertRefused(SubjectBatch.Form form) {
        ApiError error = assertThrows(ApiException.class, () -> SubjectBatch.of(form)).toError();
        assertEquals("VALIDATION_FAILED", error.error());
        assertEquals(List.of("subjectIds"), error.details().stream().map(ApiError.Detail::field).toList());
    }
}
