package vn.bordergate.workstation.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import vn.bordergate.workstation.feeds.FeedTileViewModel.FeedState;

/**
 * One camera tile without the FX toolkit: the ui executor is a queue the test drains by hand, so "the
 * screen is busy" is simply not draining it yet.
 */
class FeedTileViewModelTest {
    /** The ui thread, run when the test says so. */
    private static final class HeldUi implements Executor {
        final Queue<Runnable> queued = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable work) {
            queued.add(work);
        }

        synchronized void drain() {
            Runnable next;
            while ((next = queued.poll()) != null) {
                next.run();
            }
        }

        synchronized int size() {
            return queued.size();
        }
    }

    /** A stream that only records whether it was closed. */
    private static final class FakeStream implements AutoCloseable {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    private final HeldUi ui = new HeldUi();
    private final List<String> decoded = new ArrayList<>();
    private final FeedTileViewModel<String> tile = new FeedTileViewModel<>("CAM-L1", "CAM-L1 · Làn 1", ui, jpeg -> {
        String picture = new String(jpeg, StandardCharsets.US_ASCII);
        decoded.add(picture);
        return picture;
    });

    private PreviewStream.Sink open(Instant now, FakeStream stream) {
        assertThat(tile.due(now)).isTrue();
        PreviewStream.Sink sink = tile.sink(now);
        tile.opened(tile.attempt(), stream);
        return sink;
    }

    @Test
    void aBusyScreenGetsOnlyTheNewestFrameNotABacklog() {
        tile.cameraState(false, 9.8, null);
        PreviewStream.Sink sink = open(Instant.now(), new FakeStream());
        for (int i = 1; i <= 5; i++) {
            sink.frame(("frame-" + i).getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(decoded).hasSize(5); // every frame is decoded where it arrives…
        assertThat(ui.size()).isEqualTo(1); // …but only one hand-off waits for the ui thread
        ui.drain();
        assertThat(tile.frame().get()).isEqualTo("frame-5");
        assertThat(tile.framesShown()).isEqualTo(1);
        assertThat(tile.framesDecoded()).isEqualTo(5);
        assertThat(tile.state().get()).isEqualTo(FeedState.LIVE);
        assertThat(tile.fps().get()).isEqualTo(9.8);

        sink.frame("frame-6".getBytes(StandardCharsets.US_ASCII));
        ui.drain();
        assertThat(tile.frame().get()).isEqualTo("frame-6");
    }

    @Test
    void aDroppedStreamShowsOfflineAndReconnectsAfterAPause() {
        Instant t0 = Instant.now();
        PreviewStream.Sink sink = open(t0, new FakeStream());
        sink.frame("a".getBytes(StandardCharsets.US_ASCII));
        ui.drain();
        assertThat(tile.state().get()).isEqualTo(FeedState.LIVE);

        sink.ended("stream ended");
        ui.drain();
        assertThat(tile.state().get()).isEqualTo(FeedState.OFFLINE);
        assertThat(tile.detail().get()).isEqualTo("stream ended");
        assertThat(tile.due(Instant.now()))
                .as("not at once: the server may be restarting")
                .isFalse();
        assertThat(tile.due(Instant.now().plus(FeedTileViewModel.FIRST_RETRY).plusMillis(50)))
                .isTrue();

        sink.frame("late frame of the dead stream".getBytes(StandardCharsets.US_ASCII));
        ui.drain();
        assertThat(tile.frame().get()).as("an old attempt's frames are ignored").isEqualTo("a");
    }

    @Test
    void aStreamWithoutPicturesForSecondsIsClosedAndShownOffline() {
        Instant t0 = Instant.now();
        FakeStream stream = new FakeStream();
        PreviewStream.Sink sink = open(t0, stream);
        sink.frame("a".getBytes(StandardCharsets.US_ASCII));
        ui.drain();

        Instant later = Instant.now().plus(FeedTileViewModel.STALE_AFTER).plusSeconds(1);
        assertThat(tile.due(later)).isFalse();
        assertThat(stream.closed).isTrue();
        assertThat(tile.state().get()).isEqualTo(FeedState.OFFLINE);
        assertThat(tile.due(later.plus(FeedTileViewModel.FIRST_RETRY))).isTrue();
    }

    @Test
    void theCameraReportedDownShowsOfflineEvenWhileTheStreamIsOpen() {
        PreviewStream.Sink sink = open(Instant.now(), new FakeStream());
        sink.frame("a".getBytes(StandardCharsets.US_ASCII));
        ui.drain();
        tile.cameraState(true, 0, "source gone");
        assertThat(tile.state().get()).isEqualTo(FeedState.OFFLINE);
        assertThat(tile.fps().get()).isZero();
        tile.cameraState(false, 10, null);
        assertThat(tile.state().get()).isEqualTo(FeedState.LIVE);
    }

    @Test
    void retriesWaitLongerEachTimeUpToTenSeconds() {
        assertThat(FeedTileViewModel.delayAfter(1)).hasSeconds(1);
        assertThat(FeedTileViewModel.delayAfter(2)).hasSeconds(2);
        assertThat(FeedTileViewModel.delayAfter(3)).hasSeconds(4);
        assertThat(FeedTileViewModel.delayAfter(20)).hasSeconds(10);
    }

    @Test
    void aStreamOpenedAfterTheTileWasHiddenIsClosedAtOnce() {
        assertThat(tile.due(Instant.now())).isTrue();
        tile.sink(Instant.now());
        int attempt = tile.attempt();
        tile.hide();
        FakeStream late = new FakeStream();
        tile.opened(attempt, late);
        assertThat(late.closed).isTrue();
    }
}
