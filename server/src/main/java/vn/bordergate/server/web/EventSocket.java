package vn.bordergate.server.web;

import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import vn.bordergate.server.events.EventHub;

/**
 * One workstation's live event stream. Frames are sent asynchronously; a client that lets more than
 * {@link #MAX_IN_FLIGHT} frames pile up is closed (it reconnects and reloads) instead of holding
 * memory or slowing the fan-out for everyone else.
 */
public final class EventSocket implements Session.Listener.AutoDemanding, EventHub.Subscriber {
    static final int MAX_IN_FLIGHT = 512;

    private final EventHub hub;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile Session session;

    public EventSocket(EventHub hub) {
        this.hub = hub;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        hub.subscribe(this);
    }

    @Override
    public void offer(String frame) {
        Session s = session;
        if (s == null || !s.isOpen()) {
            hub.unsubscribe(this);
            return;
        }
        if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
            hub.unsubscribe(this);
            s.close(StatusCode.TRY_AGAIN_LATER, "too slow to keep up: reconnect and reload", Callback.NOOP);
            return;
        }
        s.sendText(frame, Callback.from(inFlight::decrementAndGet, failure -> inFlight.decrementAndGet()));
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        hub.unsubscribe(this);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        hub.unsubscribe(this);
    }
}
