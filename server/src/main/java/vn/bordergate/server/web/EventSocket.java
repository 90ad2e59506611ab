package vn.bordergate.server.web;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import vn.bordergate.server.events.EventHub;

/**
 * One workstation's live event stream. Frames are sent asynchronously; a client that lets more than
 * {@link #MAX_IN_FLIGHT} frames or {@link #MAX_BUFFERED_CHARS} characters pile up is closed (it
 * reconnects and reloads) instead of holding memory or slowing the fan-out for everyone else. The
 * size bound keeps 500 lagging workstations within about 128 MB (512 frames each filled a 512 MB heap
 * in the load benchmark).
 */
public final class EventSocket implements Session.Listener.AutoDemanding, EventHub.Subscriber {
    static final int MAX_IN_FLIGHT = 512;
    static final long MAX_BUFFERED_CHARS = 256 * 1024;

    private final EventHub hub;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong buffered = new AtomicLong();
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
        int size = frame.length();
        if (inFlight.incrementAndGet() > MAX_IN_FLIGHT || buffered.addAndGet(size) > MAX_BUFFERED_CHARS) {
            hub.unsubscribe(this);
            s.close(StatusCode.TRY_AGAIN_LATER, "too slow to keep up: reconnect and reload", Callback.NOOP);
            return;
        }
        Runnable sent = () -> {
            inFlight.decrementAndGet();
            buffered.addAndGet(-size);
        };
        s.sendText(frame, Callback.from(sent, failure -> sent.run()));
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
