package vn.bordergate.server.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import vn.bordergate.server.security.Actor;
import vn.bordergate.server.security.TokenService;
import vn.bordergate.server.service.GateException;

/**
 * Proves who is calling from the bearer token, before anything else looks at the request: without
 * a valid token every non-public path answers 401, whatever its body or content type. Role checks
 * ({@code @RolesAllowed}, 403) come after, in Jersey's own filter.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
final class AuthenticationFilter implements ContainerRequestFilter {
    /** The operations anyone may call; everything else needs a token. */
    static final Set<String> PUBLIC_PATHS =
            Set.of("api/health", "api/auth/login", "openapi.json", "openapi.yaml", "api/public/status", "status");

    private final TokenService tokens;

    AuthenticationFilter(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<Actor> actor = bearer(header).flatMap(tokens::verify);
        if (actor.isPresent()) {
            boolean secure = request.getSecurityContext().isSecure();
            request.setSecurityContext(new ActorSecurityContext(actor.get(), secure));
        } else if (!PUBLIC_PATHS.contains(path(request))) {
            throw GateException.unauthenticated(
                    header == null
                            ? "log in first: this operation needs a bearer token"
                            : "the token is invalid or has expired: log in again");
        }
    }

    private static String path(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        path = path.startsWith("/") ? path.substring(1) : path;
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
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
