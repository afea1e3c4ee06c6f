package org.healthcode.declaration.domain;

import java.util.List;

/** A daily health check-in as submitted. */
public record CheckinForm(List<String> symptoms, Double temperature) {
}
