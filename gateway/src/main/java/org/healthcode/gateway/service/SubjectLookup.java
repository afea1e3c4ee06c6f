package org.healthcode.gateway.service;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.healthcode.gateway.upstream.DeclarationClient;
import org.healthcode.gateway.upstream.SubjectRef;
import org.healthcode.gateway.upstream.Upstream;
import org.healthcode.gateway.upstream.UpstreamFailure;
import org.healthcode.kit.web.ApiError;
import org.healthcode.kit.web.Caller;
import org.healthcode.kit.web.ErrorMappers;

/**
 * The pseudonym (subjectId) behind the caller or one of their dependents, which only
 * declaration-service can tell. Its refusals reach the caller unchanged: 404 NOT_REGISTERED,
 * and 404 DEPENDENT_NOT_FOUND for a dependent that is not the caller's.
 *
 * <p>A login's own subject never changes once registered, so it is kept (cache
 * {@value #CALLERS}, keyed by the token's verified {@code sub}) and "my code" costs one call instead
 * of two. It is forgotten when the caller registers and whenever a service no longer knows the
 * subject (after the end-of-emergency destruction), and expires after the configured time in any
 * case. Refusals are never kept. Dependents are asked for every time: a guardian may remove one.
 */
@ApplicationScoped
public class SubjectLookup {

    static final String CALLERS = "caller-subjects";

    private final DeclarationClient declaration;
    private final SecurityIdentity identity;
    private final Cache callers;

    public SubjectLookup(@RestClient DeclarationClient declaration, SecurityIdentity identity,
            @CacheName(CALLERS) Cache callers) {
        this.declaration = declaration;
        this.identity = identity;
        this.callers = callers;
    }

    public Uni<String> ofCaller() {
        return callers.getAsync(login(), login -> subjectOf(declaration.mySubject()));
    }

    /** Passes a service's answer about the caller's subject on, forgetting the subject if it is unknown there. */
    public Uni<Response> forgetCallerIfUnknown(Response answer) {
        return answer.getStatus() == 404 ? forgetCaller().replaceWith(answer) : Uni.createFrom().item(answer);
    }

    public Uni<Void> forgetCaller() {
        return callers.invalidate(login());
    }

    /** After the end-of-emergency destruction nobody's subject exists any more. */
    public Uni<Void> forgetEveryone() {
        return callers.invalidateAll();
    }

    public Uni<String> ofDependent(String dependentId) {
        return subjectOf(declaration.dependentSubject(dependentId));
    }

    private String login() {
        return Caller.of(identity).subject();
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
