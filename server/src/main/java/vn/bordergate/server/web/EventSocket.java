package vn.bordergate.server.web;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.server.events.EventHub;
import vn.bordergate.server.events.EventJournal;

/**
 * One workstation's live event stream. At most one frame is being written at a time: an idle socket
 * sends a new event at once, as a single envelope; for a client that asked for it ({@code ?batch=1}),
 * events that arrive while a frame is still being written go out together as one JSON array when it is done, so a busy gate costs a few large frames
 * instead of one per event per workstation. Frames are the journal's bytes, encoded once for every
 * socket. A client that still has more than {@link #MAX_IN_FLIGHT} events unwritten a dispatcher round after
 * they were appended, or more than {@link #MAX_BUFFERED_BYTES} bytes while it has completed no frame for {@link
 * StallWatch#STALL_NANOS}, is closed (it reconnects and reloads) instead of slowing the fan-out
 * for everyone else or falling out of the journal. Memory does not grow
 * with a client's lag: the journal is shared, and each socket has at most one frame being written.
 */
public final class EventSocket implements Session.Listener.AutoDemanding, EventHub.Subscriber {
    /**
     * A socket's memory no longer grows with its lag (the journal is shared), so the bounds say how stale a
     * workstation may get before reloading beats catching up: half the journal, far from its overwrite edge.
     */
    static final int MAX_IN_FLIGHT = EventJournal.CAPACITY / 2;

    /**
     * Bytes of lag alone can't tell slow from stalled (a CI run lost a healthy workstation, starved of CPU for a
     * moment, at 3,949 of 6,000 events): past this, only a client that is also taking nothing is dropped.
     */
    static final long MAX_BUFFERED_BYTES = 2L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(EventSocket.class);

    private final EventHub hub;
    private final EventJournal journal;
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean dropped = new AtomicBoolean();
    /** The last envelope whose frame has been written. */
    private volatile long written;
    /** The latest envelope of the previous round (only this socket's teller thread reads and writes it). */
    private long told;
    /** The first envelope not yet handed to a frame; only the thread that holds {@link #sending} moves it. */
    private volatile long next;
    /** Whether the network is still taking this socket's bytes. */
    private final StallWatch progress = new StallWatch();

    private volatile Session session;
    private volatile CoreSession core;

    /** Whether the client asked for piled-up events as one array ({@code ?batch=1}); else one frame each. */
    private final boolean batched;

    public EventSocket(EventHub hub, boolean batched) {
        this.hub = hub;
        this.batched = batched;
        this.journal = hub.journal();
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.core = ((WebSocketSession) session).getCoreSession();
        StallWatch.limitSendBuffer(core);
        long start = journal.latest();
        this.written = start;
        this.told = start;
        this.next = start + 1;
        this.session = session;
        hub.subscribe(this);
    }

    /** On this socket's teller thread (always the same one), once per round of new envelopes. */
    @Override
    public void appended(long latest) {
        Session s = session;
        if (s == null || !s.isOpen()) {
            hub.unsubscribe(this);
            return;
        }
        // judged on what was there one round ago: a healthy socket can't have written a round it was just told of
        long due = told;
        told = latest;
        long behind = written;
        if (due - behind > MAX_IN_FLIGHT) {
            LOG.info(
                    "workstation {} dropped: {} events behind (bound {})",
                    s.getRemoteSocketAddress(),
                    due - behind,
                    MAX_IN_FLIGHT);
            disconnect();
            return;
        }
        long stalled = progress.stalledNanos();
        if (stalled > StallWatch.STALL_NANOS && journal.bytesBetween(behind, due) > MAX_BUFFERED_BYTES) {
            LOG.info(
                    "workstation {} dropped: took nothing for {} ms with {} bytes ({} events) behind ({} taken before)",
                    s.getRemoteSocketAddress(),
                    TimeUnit.NANOSECONDS.toMillis(stalled),
                    journal.bytesBetween(behind, due),
                    due - behind,
                    progress.bytesTaken());
            disconnect();
            return;
        }
        if (sending.compareAndSet(false, true)) {
            pump();
        }
    }

    /** Sends what is waiting, one frame at a time, while this thread holds {@link #sending}. */
    private void pump() {
        while (!dropped.get()) {
            long from = next;
            long latest = journal.latest();
            if (from > latest) {
                sending.set(false);
                // an append may have come between reading latest and letting go
                if (journal.latest() < from || !sending.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            EventJournal.Frame frame = journal.frame(from, batched ? latest : from);
            if (frame == null) {
                drop(); // so far behind that the journal no longer holds what it needs
                return;
            }
            next = frame.to() + 1;
            Write write = new Write(frame.to(), frame.bytes().length);
            progress.handed();
            core.sendFrame(new Frame(OpCode.TEXT, ByteBuffer.wrap(frame.bytes())), write, false);
            if (!write.completedWhileSending()) {
                return; // the write's callback carries on
            }
        }
    }

    /**
     * Drops an overrun or stalled client at once: a close frame would queue behind the frame the network is not
     * taking, and the connection would stay open until the idle timeout.
     */
    private void disconnect() {
        if (dropped.compareAndSet(false, true)) {
            hub.unsubscribe(this);
            Session s = session;
            if (s != null) {
                s.disconnect();
            }
        }
    }

    private void drop() {
        if (dropped.compareAndSet(false, true)) {
            hub.unsubscribe(this);
            Session s = session;
            if (s != null) {
                s.close(StatusCode.TRY_AGAIN_LATER, "too slow to keep up: reconnect and reload", Callback.NOOP);
            }
        }
    }

    /** One frame's completion; it continues the pump unless the sending thread is still in it. */
    private final class Write implements org.eclipse.jetty.util.Callback {
        private static final int PENDING = 0;
        private static final int RETURNED = 1;
        private static final int DONE = 2;

        private final long to;
        private final int bytes;
        private final AtomicInteger state = new AtomicInteger(PENDING);

        Write(long to, int bytes) {
            this.to = to;
            this.bytes = bytes;
        }

        boolean completedWhileSending() {
            return !state.compareAndSet(PENDING, RETURNED);
        }

        @Override
        public void succeeded() {
            progress.taken(bytes);
            written = to;
            if (!state.compareAndSet(PENDING, DONE)) {
                pump();
            }
        }

        @Override
        public void failed(Throwable x) {
            // nothing more can follow a lost frame without a gap: close, so the client reconnects and reloads
            state.set(DONE);
            drop();
        }
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
