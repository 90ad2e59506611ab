package vn.bordergate.workstation.connection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.client.GateApiException;
import vn.bordergate.common.client.GateEventStream;
import vn.bordergate.common.event.EventEnvelope;
import vn.bordergate.common.event.GateEvent;

/**
 * The one adapter between the gate server's event stream and the screen: events arrive on the HTTP
 * client's threads and are handed to the observer on the FX thread, in order. When the stream drops it
 * reconnects on its own, waiting a little longer after each failed attempt (see {@link RetryDelay}).
 */
public final class LiveEvents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);
    /**
     * How often the server of a live stream is asked whether it is still there. A dead network, or a
     * server stopped while it was flooding the stream, can leave the socket open with nothing behind it:
     * no close ever arrives, so silence alone proves nothing.
     */
    static final Duration HEALTH_EVERY = Duration.ofSeconds(10);
    /** At most this many events are applied in one FX task; the rest wait for the next pulse. */
    static final int MAX_BATCH = 2000;

    /** What the screen hears; all methods are called on the FX thread. */
    public interface Observer {
        void onEvent(GateEvent event);

        /**
         * Events that arrived together (a burst), in order, with superseded crossing changes left out. An
         * observer that can apply many at once (one list change for a table instead of hundreds) overrides it.
         */
        default void onEvents(List<GateEvent> events) {
            events.forEach(this::onEvent);
        }

        /** The connection changed; {@code retryIn} is when the next attempt starts (RECONNECTING only). */
        void onConnection(ConnectionState state, Duration retryIn);
    }

    private final GateSession session;
    private final BackgroundWork work;
    private final Executor fx;
    private final Observer observer;
    private final Duration healthEvery;
    private final Object lock = new Object();
    private final ConcurrentLinkedQueue<EventBurst.Arrival> arrived = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final EventLag lag = new EventLag();
    private GateEventStream stream;
    private int failedAttempts;
    private boolean closed;
    private boolean sessionEnded;

    public LiveEvents(GateSession session, BackgroundWork work, Executor fx, Observer observer) {
        this(session, work, fx, observer, HEALTH_EVERY);
    }

    LiveEvents(GateSession session, BackgroundWork work, Executor fx, Observer observer, Duration healthEvery) {
        this.session = session;
        this.work = work;
        this.fx = fx;
        this.observer = observer;
        this.healthEvery = healthEvery;
    }

    /** Connects in the background; the observer hears CONNECTING, then CONNECTED or RECONNECTING. */
    public void start() {
        tell(ConnectionState.CONNECTING, Duration.ZERO);
        work.later(Duration.ZERO, this::connect);
    }

    private void connect() {
        synchronized (lock) {
            if (closed) {
                return;
            }
        }
        DropWatch watch = new DropWatch();
        GateEventStream opened;
        try {
            opened = session.openEvents(this::deliver, watch);
        } catch (GateApiException refused) {
            if (refused.status() == 401 || refused.status() == 403) {
                synchronized (lock) {
                    sessionEnded = true;
                }
                tell(ConnectionState.SESSION_ENDED, Duration.ZERO); // retrying cannot help: log in again
                session.expired();
            } else {
                retryLater();
            }
            return;
        } catch (RuntimeException unreachable) {
            LOG.debug("event connection failed: {}", unreachable.getMessage());
            retryLater();
            return;
        }
        watch.stream = opened;
        synchronized (lock) {
            if (closed) {
                opened.close();
                return;
            }
            if (watch.dropped.get()) {
                return; // dropped right after the handshake: the watch has scheduled the next attempt
            }
            stream = opened;
            failedAttempts = 0;
        }
        tell(ConnectionState.CONNECTED, Duration.ZERO);
        if (!opened.isOpen()) {
            watch.drop(); // dropped before the watch knew its stream
        } else {
            checkLater(opened, watch);
        }
    }

    /** Asks the server now and then whether it is still there; if not, gives the stream up and reconnects. */
    private void checkLater(GateEventStream watched, DropWatch watch) {
        work.later(healthEvery, () -> {
            synchronized (lock) {
                if (closed || stream != watched || watch.dropped.get()) {
                    return; // this stream is no longer the live one
                }
            }
            if (session.reachable()) {
                checkLater(watched, watch);
            } else {
                LOG.info("the gate server no longer answers: reconnecting");
                watch.drop();
                watched.close();
            }
        });
    }

    /**
     * Queues the event for the FX thread. A burst (a busy camera lane, the demo day, a server back after a
     * restart) becomes one FX task holding every event that arrived meanwhile, instead of one task per event:
     * the screen applies it as one change and keeps repainting and taking keys while it catches up.
     */
    private void deliver(EventEnvelope envelope) {
        arrived.add(new EventBurst.Arrival(envelope, System.nanoTime()));
        if (drainScheduled.compareAndSet(false, true)) {
            fx.execute(this::drain);
        }
    }

    /**
     * On the FX thread: hands everything that arrived since the last time to the observer as one batch, in
     * order, leaving out crossing changes that a later one in the same batch supersedes.
     */
    private void drain() {
        drainScheduled.set(false);
        List<EventBurst.Arrival> batch = new ArrayList<>();
        EventBurst.Arrival next;
        while (batch.size() < MAX_BATCH && (next = arrived.poll()) != null) {
            batch.add(next);
        }
        if (!arrived.isEmpty() && drainScheduled.compareAndSet(false, true)) {
            fx.execute(this::drain); // the rest after the next pulse has drawn the screen
        }
        if (batch.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        if (batch.size() == 1) {
            observer.onEvent(batch.get(0).envelope().event());
        } else {
            observer.onEvents(EventBurst.latestOnly(batch));
        }
        lag.batchApplied(System.nanoTime() - start);
        for (EventBurst.Arrival applied : batch) {
            lag.applied(applied.envelope().sentAt(), applied.receivedNanos());
        }
    }

    private void retryLater() {
        Duration delay;
        synchronized (lock) {
            if (closed) {
                return;
            }
            stream = null;
            failedAttempts++;
            delay = RetryDelay.after(failedAttempts);
        }
        tell(ConnectionState.RECONNECTING, delay);
        work.later(delay, this::connect);
    }

    private void tell(ConnectionState state, Duration retryIn) {
        fx.execute(() -> observer.onConnection(state, retryIn));
    }

    /**
     * Connects again after the session ended and the officer signed in again (the client now holds a new
     * token); nothing when the stream is live or a reconnect is already scheduled.
     */
    public void resume() {
        synchronized (lock) {
            if (closed || !sessionEnded) {
                return;
            }
            sessionEnded = false;
            failedAttempts = 0;
        }
        tell(ConnectionState.CONNECTING, Duration.ZERO);
        work.later(Duration.ZERO, this::connect);
    }

    /** How late events reach the screen: from the server sending them to the FX thread applying them. */
    public EventLag lag() {
        return lag;
    }

    /** Stops listening and reconnecting; the observer hears CLOSED. */
    @Override
    public void close() {
        GateEventStream open;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            open = stream;
            stream = null;
        }
        if (open != null) {
            open.close();
        }
        tell(ConnectionState.CLOSED, Duration.ZERO);
    }

    /** Notices its stream dropping (closed or failed) once, and schedules the reconnect. */
    private final class DropWatch implements GateEventStream.Listener {
        final AtomicBoolean dropped = new AtomicBoolean();
        volatile GateEventStream stream;

        @Override
        public void onClosed(int code, String reason) {
            drop();
        }

        @Override
        public void onError(Throwable error) {
            GateEventStream mine = stream;
            if (mine != null && mine.isOpen()) { // an unreadable event: the stream itself is fine
                LOG.warn("skipped an event the workstation could not read: {}", error.getMessage());
            } else {
                drop();
            }
        }

        void drop() {
            if (dropped.compareAndSet(false, true)) {
                retryLater();
            }
        }
    }
}
