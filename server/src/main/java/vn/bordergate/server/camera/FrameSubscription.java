package vn.bordergate.server.camera;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link FrameSink} attached to a camera: its own thread waits for a frame newer than the last one it
 * handed over, no sooner than the rate limit allows, and hands over the newest. Close it to detach.
 */
public final class FrameSubscription implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FrameSubscription.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(15);
    private static final long WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final String name;
    private final double maxFps;
    private final FrameSink sink;
    private final LatestFrameSlot slot;
    private final Thread thread;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final RollingSamples handleMs = new RollingSamples(50);
    private final RollingSamples latencyMs = new RollingSamples(50);
    private volatile boolean running = true;
    private final Object handing = new Object();
    /** Guarded by {@link #handing}: whether the thread is inside the sink (not to be interrupted there). */
    private boolean inSink;

    private final Consumer<FrameSubscription> onClose;

    FrameSubscription(
            String cameraCode,
            String name,
            double maxFps,
            FrameSink sink,
            LatestFrameSlot slot,
            Consumer<FrameSubscription> onClose) {
        if (maxFps < 0 || Double.isNaN(maxFps)) {
            throw new IllegalArgumentException("maxFps must be 0 (unlimited) or positive");
        }
        this.name = name;
        this.maxFps = maxFps;
        this.sink = sink;
        this.slot = slot;
        this.onClose = onClose;
        this.thread = new Thread(this::run, "camera-" + cameraCode + "-" + name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    public String name() {
        return name;
    }

    public SinkMetrics metrics() {
        return new SinkMetrics(
                name, maxFps, delivered.get(), skipped.get(), handleMs.mean(), latencyMs.mean(), failures.get());
    }

    /** Asks its thread to stop without waiting (closing many at once then waits for all of them together). */
    public void requestStop() {
        synchronized (handing) {
            running = false;
            // an interrupt inside the sink would land in its database call, and Derby closes a connection
            // interrupted mid-statement: a sink at work finishes its frame and then sees running is false
            if (!inSink) {
                thread.interrupt();
            }
        }
    }

    private boolean enterSink() {
        synchronized (handing) {
            inSink = running;
            return inSink;
        }
    }

    private void leaveSink() {
        synchronized (handing) {
            inSink = false;
        }
    }

    void awaitStopped(Duration timeout) throws InterruptedException {
        thread.join(Math.max(1, timeout.toMillis()));
    }

    /**
     * Detaches the sink and waits for the frame it is handling: the sink's native resources are freed after
     * this, and on a busy machine one recognition can take seconds.
     */
    @Override
    public void close() {
        requestStop();
        onClose.accept(this);
        try {
            awaitStopped(CLOSE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!isStopped()) {
            LOG.warn("{} still busy after {} s", name, CLOSE_WAIT.toSeconds());
        }
    }

    /** Whether its thread has ended (nothing of the sink runs any more). */
    public boolean isStopped() {
        return !thread.isAlive();
    }

    private void run() {
        long interval = maxFps > 0 ? (long) (1e9 / maxFps) : 0;
        long last = -1;
        long nextDue = System.nanoTime();
        try {
            while (running) {
                long wait = nextDue - System.nanoTime();
                if (wait > 0) {
                    // wait first, take after: the frame handed over is the newest at that moment
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                CameraFrame frame = slot.takeAfter(last, WAIT_NANOS, TimeUnit.NANOSECONDS);
                if (frame == null) {
                    continue;
                }
                try (frame) {
                    long start = System.nanoTime();
                    nextDue = start + interval;
                    if (last >= 0) {
                        skipped.addAndGet(frame.sequence() - last - 1);
                    }
                    last = frame.sequence();
                    latencyMs.add((start - frame.arrivedNanos()) / 1e6);
                    if (!enterSink()) {
                        break;
                    }
                    try {
                        handOver(frame);
                    } finally {
                        leaveSink();
                    }
                    handleMs.add((System.nanoTime() - start) / 1e6);
                    delivered.incrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            // detached
        } catch (Error e) { // say it in the server log, not only on stderr: this consumer is gone
            LOG.error("{} stopped", name, e);
            throw e;
        }
    }

    private void handOver(CameraFrame frame) throws InterruptedException {
        try {
            sink.accept(frame);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            long count = failures.incrementAndGet();
            if (count == 1 || count % 100 == 0) { // a sink failing on every frame must not flood the log
                LOG.warn("{} failed on {} ({} failures so far)", name, frame, count, e);
            }
        }
    }
}
