package org.healthcode.declaration.service;

import io.vertx.pgclient.PgException;
import org.hibernate.exception.ConstraintViolationException;

/** Recognises a write that lost a race at a unique index, whichever layer reports it. */
final class UniqueViolation {

    private UniqueViolation() {
    }

    /** The violated unique constraint's name, or null when the failure is something else. */
    static String constraint(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return String.valueOf(pg.getConstraint());
            }
            if (cause instanceof ConstraintViolationException violation
                    && violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
                return String.valueOf(violation.getConstraintName());
            }
        }
        return null;
    }
}
