package org.healthcode.kit.web;

/**
 * Recognises a failure that means something the application depends on is away for now (a
 * service's database), so that the caller is told to come back (503) rather than that the call
 * is broken (500). The service kit provides the one for PostgreSQL.
 */
public interface Unavailability {

    boolean explains(Throwable failure);
}
