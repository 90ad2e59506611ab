package vn.bordergate.server.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.ee10.websocket.server.JettyServerUpgradeRequest;
import org.eclipse.jetty.ee10.websocket.server.JettyServerUpgradeResponse;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketCreator;
import vn.bordergate.server.events.EventHub;
import vn.bordergate.server.security.Actor;
import vn.bordergate.server.security.TokenService;

/**
 * The WebSocket handshake of {@code /api/events}: officers only, with the token in the
 * {@code Authorization} header or, for browsers that can't set headers, an {@code access_token}
 * query parameter.
 */
public final class EventSocketRoute implements JettyWebSocketCreator {
    private final EventHub hub;
    private final TokenService tokens;

    public EventSocketRoute(EventHub hub, TokenService tokens) {
        this.hub = hub;
        this.tokens = tokens;
    }

    @Override
    public Object createWebSocket(JettyServerUpgradeRequest request, JettyServerUpgradeResponse response) {
        Optional<Actor> actor = token(request).flatMap(tokens::verify);
        try {
            if (actor.isEmpty()) {
                response.sendError(401, "log in first: the event stream needs a valid bearer token");
                return null;
            }
            if (!actor.get().role().isOfficer()
                    && actor.get().role() != vn.bordergate.common.workflow.Role.ADMINISTRATOR) {
                response.sendError(403, "the event stream is for officers");
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        // arrays only for clients that asked: an older workstation reads each frame as one envelope
        List<String> batch = request.getParameterMap().get("batch");
        boolean batched =
                batch != null && !batch.isEmpty() && ("1".equals(batch.get(0)) || "true".equals(batch.get(0)));
        return new EventSocket(hub, batched);
    }

    private static Optional<String> token(JettyServerUpgradeRequest request) {
        Optional<String> header = AuthenticationFilter.bearer(request.getHeader("Authorization"));
        if (header.isPresent()) {
            return header;
        }
        List<String> query = request.getParameterMap().get("access_token");
        return query == null || query.isEmpty() ? Optional.empty() : Optional.of(query.get(0));
    }
}
