package vn.bordergate.workstation.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.event.CrossingChangedEvent;
import vn.bordergate.workstation.station.StationViewModel;
import vn.bordergate.workstation.support.Crossings;
import vn.bordergate.workstation.support.DemoGate;
import vn.bordergate.workstation.support.FxRunner;
import vn.bordergate.workstation.support.WorkstationStage;
import vn.bordergate.workstation.text.Wording;

/**
 * How late live events reach a customs officer's screen: 1,000 crossing changes sent by a real gate server
 * (through its event hub, over the WebSocket) to the station showing the whole day's queue, once as one
 * burst and once at a busy 250 events/s. Lag is measured from the envelope's send time to the FX thread
 * applying the event ({@link EventLag}); a probe posts to the FX thread every 5 ms to see whether the
 * screen froze meanwhile. Figures go to docs/benchmarks.md.
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class EventLatencyBenchmark {
    private static final int EVENTS = 1000;
    private static DemoGate gate;
    private WorkstationStage workstation;

    @BeforeAll
    static void gate() throws InterruptedException {
        gate = DemoGate.start();
        gate.server().awaitDemoDay();
    }

    @AfterAll
    static void stopGate() {
        gate.close();
    }

    @Start
    void start(Stage stage) {
        workstation = new WorkstationStage(stage, gate, Wording.VIETNAMESE);
        workstation.signInAs("customs");
    }

    @AfterEach
    void stop() {
        workstation.close();
    }

    @Test
    void eventsReachTheScreenWithin300Milliseconds() throws Exception {
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> FxRunner.call(() -> {
                    StationViewModel station = workstation.window().station();
                    return station != null
                            && station.queue().total().get() > 0
                            && station.connection().state().get() == ConnectionState.CONNECTED;
                }));
        List<CrossingDto> day = gate.as("customs").crossings(null, null, 1000);
        int rows = FxRunner.call(
                () -> workstation.window().station().queue().total().get());
        EventLag lag = FxRunner.call(() -> workstation.window().events().lag());

        List<String> report = new ArrayList<>();
        report.add(run("burst: 1,000 at once", lag, day, 0));
        report.add(run("steady: 250 events/s", lag, day, 4));
        System.out.println(
                "EventLatencyBenchmark — station queue " + rows + " rows, " + EVENTS + " CrossingChanged events");
        System.out.println("| case | p50 | p95 | p99 | max | socket→screen p50 / p99 / max | longest FX stall"
                + " | FX tasks | FX time applying (total / longest task) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        report.forEach(System.out::println);
    }

    private String run(String name, EventLag lag, List<CrossingDto> day, long pauseMillis) throws Exception {
        FxRunner.run(lag::reset);
        AtomicBoolean probing = new AtomicBoolean(true);
        AtomicLong longestStall = new AtomicLong();
        Thread probe = new Thread(() -> {
            while (probing.get()) {
                long posted = System.nanoTime();
                Platform.runLater(() -> longestStall.accumulateAndGet(System.nanoTime() - posted, Math::max));
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        probe.start();
        for (int i = 0; i < EVENTS; i++) {
            CrossingDto c = day.get(i % day.size());
            CrossingDto changed = Crossings.withVersion(c, c.version() + 1000 + i, c.enterpriseName());
            gate.server().events().publish(new CrossingChangedEvent(changed));
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
        }
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> FxRunner.call(lag::count) >= EVENTS);
        Thread.sleep(200);
        probing.set(false);
        probe.join();
        String line = String.format(
                Locale.ROOT,
                "| %s | %d ms | %d ms | %d ms | %d ms | %d / %d / %d ms | %d ms | %d | %d / %d ms |",
                name,
                lag.percentile(50).toMillis(),
                lag.percentile(95).toMillis(),
                lag.percentile(99).toMillis(),
                lag.percentile(100).toMillis(),
                lag.screenPercentile(50).toMillis(),
                lag.screenPercentile(99).toMillis(),
                lag.screenPercentile(100).toMillis(),
                Duration.ofNanos(longestStall.get()).toMillis(),
                lag.batches(),
                lag.applying().toMillis(),
                lag.longestBatch().toMillis());
        assertThat(FxRunner.call(lag::count)).isGreaterThanOrEqualTo(EVENTS);
        return line;
    }
}
