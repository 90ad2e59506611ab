package vn.bordergate.workstation.feeds;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One camera tile: the newest picture, whether the camera is live, its frame rate and the plate it read
 * last. Frames are decoded where they arrive (the HTTP client's thread); only the newest decoded one is
 * handed to the ui thread, and a new hand-off is queued only once the last was taken — a busy screen
 * skips frames instead of falling behind.
 *
 * @param <F> the decoded picture (a JavaFX image in the workstation; anything in tests)
 */
public final class FeedTileViewModel<F> {
    /** What the tile shows. */
    public enum FeedState {
        CONNECTING,
        LIVE,
        OFFLINE
    }

    static final Duration STALE_AFTER = Duration.ofSeconds(4);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

    private final String cameraCode;
    private final String title;
    private final Executor ui;
    private final Function<byte[], F> decoder;
    private final ReadOnlyObjectWrapper<F> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReadOnlyObjectWrapper<FeedState> state =
            new ReadOnlyObjectWrapper<>(this, "state", FeedState.CONNECTING);
    private final ReadOnlyDoubleWrapper fps = new ReadOnlyDoubleWrapper(this, "fps");
    private final ReadOnlyStringWrapper lastPlate = new ReadOnlyStringWrapper(this, "lastPlate", "");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private final AtomicReference<F> newest = new AtomicReference<>();
    private final AtomicBoolean handOffQueued = new AtomicBoolean();
    private long framesShown;
    private long framesDecoded;

    // ui thread only
    private AutoCloseable stream;
    private boolean opening;
    private boolean cameraDown;
    private Instant lastFrameAt;
    private Instant retryAt = Instant.MIN;
    private int failures;
    private int generation;

    FeedTileViewModel(String cameraCode, String title, Executor ui, Function<byte[], F> decoder) {
        this.cameraCode = cameraCode;
        this.title = title;
        this.ui = ui;
        this.decoder = decoder;
    }

    /** A sink for one stream attempt: frames of an older attempt (closed meanwhile) are dropped. */
    PreviewStream.Sink sink(Instant now) {
        int attempt = ++generation;
        opening = true;
        lastFrameAt = now; // the stale clock starts with the attempt
        if (!cameraDown) {
            state.set(FeedState.CONNECTING);
        }
        return new PreviewStream.Sink() {
            @Override
            public void frame(byte[] jpeg) {
                F picture = decoder.apply(jpeg);
                if (picture == null) {
                    return; // not a picture: keep the last good one
                }
                synchronized (FeedTileViewModel.this) {
                    framesDecoded++;
                }
                newest.set(picture);
                if (handOffQueued.compareAndSet(false, true)) {
                    ui.execute(() -> show(attempt));
                }
            }

            @Override
            public void ended(String why) {
                ui.execute(() -> dropped(attempt, why));
            }
        };
    }

    /** The stream of {@code attempt} opened; null when it could not even start. */
    void opened(int attempt, AutoCloseable opened) {
        if (attempt != generation || !opening) {
            closeQuietly(opened); // closed or replaced while it opened
            return;
        }
        opening = false;
        stream = opened;
    }

    private void show(int attempt) {
        handOffQueued.set(false);
        F picture = newest.getAndSet(null);
        if (attempt != generation || picture == null) {
            return;
        }
        framesShown++;
        frame.set(picture);
        lastFrameAt = Instant.now();
        failures = 0;
        if (!cameraDown) {
            state.set(FeedState.LIVE);
            detail.set("");
        }
    }

    /** The stream of {@code attempt} ended, or could not be opened. */
    void dropped(int attempt, String why) {
        if (attempt != generation) {
            return;
        }
        stop();
        failures++;
        retryAt = Instant.now().plus(delayAfter(failures));
        state.set(FeedState.OFFLINE);
        detail.set(why == null ? "" : why);
    }

    /** Once a second: is the picture stale, and is it time to connect again? True when it should (re)open. */
    boolean due(Instant now) {
        if (stream != null && lastFrameAt != null && now.isAfter(lastFrameAt.plus(STALE_AFTER))) {
            stop(); // open, but no picture for seconds: a dead network looks just like this
            failures++;
            retryAt = now.plus(delayAfter(failures));
            state.set(FeedState.OFFLINE);
            detail.set("no picture");
        }
        return stream == null && !opening && !now.isBefore(retryAt);
    }

    /** The attempt number to pass to {@link #opened}. */
    int attempt() {
        return generation;
    }

    /** The camera's own state, from the server's status events and metrics. */
    void cameraState(boolean down, double camerasFps, String why) {
        cameraDown = down;
        fps.set(down ? 0 : camerasFps);
        if (down) {
            state.set(FeedState.OFFLINE);
            detail.set(why == null ? "" : why);
        } else if (state.get() == FeedState.OFFLINE && stream != null && frame.get() != null) {
            state.set(FeedState.LIVE);
        }
    }

    void plateRead(String plate) {
        lastPlate.set(plate == null ? "" : plate);
    }

    /** Stops showing (tile hidden by the layout, or the station closed); {@link #due} may open it again. */
    void stop() {
        generation++;
        opening = false;
        AutoCloseable open = stream;
        stream = null;
        closeQuietly(open);
    }

    /** Hidden by the layout: stop, and open at once when shown again. */
    void hide() {
        stop();
        retryAt = Instant.MIN;
        failures = 0;
    }

    static Duration delayAfter(int failures) {
        long millis = FIRST_RETRY.toMillis() << Math.min(Math.max(failures - 1, 0), 8);
        return Duration.ofMillis(Math.min(millis, LONGEST_RETRY.toMillis()));
    }

    private static void closeQuietly(AutoCloseable open) {
        if (open != null) {
            try {
                open.close();
            } catch (Exception ignored) {
                // closing a dead stream: nothing to save
            }
        }
    }

    public String cameraCode() {
        return cameraCode;
    }

    /** The camera's name for the overlay, e.g. "CAM-L1 · Làn 1 (nhập)". */
    public String title() {
        return title;
    }

    public ReadOnlyObjectProperty<F> frame() {
        return frame.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FeedState> state() {
        return state.getReadOnlyProperty();
    }

    /** The camera's decoded frame rate as the server measures it. */
    public ReadOnlyDoubleProperty fps() {
        return fps.getReadOnlyProperty();
    }

    /** The plate this camera read last, empty before the first. */
    public ReadOnlyStringProperty lastPlate() {
        return lastPlate.getReadOnlyProperty();
    }

    /** Why the tile is offline, in a few technical words (for the technicians); empty when live. */
    public ReadOnlyStringProperty detail() {
        return detail.getReadOnlyProperty();
    }

    /** Frames handed to the screen so far (ui thread). */
    public long framesShown() {
        return framesShown;
    }

    /** Frames decoded so far; more than shown when the screen skipped some. */
    public synchronized long framesDecoded() {
        return framesDecoded;
    }
}
