package org.healthcode.gateway.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.healthcode.gateway.upstream.DeclarationClient;
import org.healthcode.gateway.upstream.SubjectRef;
import org.healthcode.gateway.upstream.Upstream;
import org.healthcode.gateway.upstream.UpstreamFailure;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.ErrorMappers;

/**
 * The pseudonym (subjectId) behind the caller or one of their dependents, which only
 * declaration-service can tell. Its refusals reach the caller unchanged: 404 NOT_REGISTERED,
 * and 404 DEPENDENT_NOT_FOUND for a dependent that is not the caller's.
 */
@ApplicationScoped
public class SubjectLookup {

    private final DeclarationClient declaration;

    public SubjectLookup(@RestClient DeclarationClient declaration) {
        this.declaration = declaration;
    }

    public Uni<String> ofCaller() {
        return subjectOf(declaration.mySubject());
    }

    public Uni<String> ofDependent(String dependentId) {
        return subjectOf(declaration.dependentSubject(dependentId));
    }

    private static Uni<String> subjectOf(Uni<SubjectRef> profile) {
        return Upstream.read("declaration", profile).map(SubjectLookup::required);
    }

    private static String required(SubjectRef profile) {
        if (profile == null || profile.subjectId() == null || profile.subjectId().isBlank()) {
            throw new UpstreamFailure(ErrorMappers.respond(502, ApiError.of("UPSTREAM_INVALID",
                    "The declaration service answered without a subject")));
        }
        return profile.subjectId();
    }
}
