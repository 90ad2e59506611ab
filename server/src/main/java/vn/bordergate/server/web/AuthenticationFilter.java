package vn.bordergate.server.web;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import vn.bordergate.server.security.Actor;
import vn.bordergate.server.security.TokenService;
import vn.bordergate.server.service.GateException;

/**
 * Proves who is calling from the bearer token. Every operation not marked {@code @PermitAll} needs a
 * valid token (else 401); role checks ({@code @RolesAllowed}, 403) come after, in Jersey's own filter.
 */
@Priority(Priorities.AUTHENTICATION)
final class AuthenticationFilter implements ContainerRequestFilter {
    private final TokenService tokens;

    @Context
    private ResourceInfo resource;

    AuthenticationFilter(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<Actor> actor =
                bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION)).flatMap(tokens::verify);
        if (actor.isPresent()) {
            boolean secure = request.getSecurityContext().isSecure();
            request.setSecurityContext(new ActorSecurityContext(actor.get(), secure));
        } else if (!isPublic()) {
            throw GateException.unauthenticated(
                    request.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                            ? "log in first: this operation needs a bearer token"
                            : "the token is invalid or has expired: log in again");
        }
    }

    private boolean isPublic() {
        return resource.getResourceMethod().isAnnotationPresent(PermitAll.class)
                || resource.getResourceClass().isAnnotationPresent(PermitAll.class);
    }

    static Optional<String> bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).strip());
    }

    private record ActorSecurityContext(Actor actor, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return actor;
        }

        @Override
        public boolean isUserInRole(String role) {
            return actor.role().name().equals(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
