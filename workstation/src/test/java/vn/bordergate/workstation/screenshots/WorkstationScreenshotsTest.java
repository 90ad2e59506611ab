package vn.bordergate.workstation.screenshots;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.FeeKind;
import vn.bordergate.common.dto.FeeRequest;
import vn.bordergate.common.dto.WeighingRequest;
import vn.bordergate.common.event.CameraStatusEvent.CameraState;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.workstation.WorkstationWindow;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.connection.FxThread;
import vn.bordergate.workstation.connection.GateStartup;
import vn.bordergate.workstation.feeds.FeedTileViewModel.FeedState;
import vn.bordergate.workstation.station.StationViewModel;
import vn.bordergate.workstation.support.DemoGate;
import vn.bordergate.workstation.support.FxRunner;
import vn.bordergate.workstation.support.ScreenshotFile;
import vn.bordergate.workstation.text.Wording;

/**
 * Renders the main screens into {@code docs/screenshots} with a real window (under Xvfb):
 * {@code xvfb-run -a -s "-screen 0 1920x1080x24" mvn -B -pl workstation -am -Pscreenshots test}, against
 * the demo gate with its simulated lane cameras running (real frames, real plate reads). Left out of
 * {@code mvn verify} (tag "screenshots").
 */
@Tag("screenshots")
class WorkstationScreenshotsTest {
    private static final double WIDTH = 1920;
    private static final double HEIGHT = 1080;

    @Test
    void renderMainScreens() throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(out);
        // the README's demo: simulated lane cameras, real frames, real plate recognition
        DemoGate gate = DemoGate.startWithCameras();
        gate.server().awaitDemoDay();
        waitUntil(
                Duration.ofMinutes(4),
                () -> gate.as("gate").anpr().cameraMetrics().stream()
                                .filter(m -> m.state() == CameraState.STREAMING)
                                .count()
                        >= 2);
        waitUntil(
                Duration.ofMinutes(4),
                () -> gate.as("gate").anpr().plateReads(10).size() >= 2);
        CrossingDto story = prepareStory(gate);
        weighAndCharge(gate, story);

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await(10, TimeUnit.SECONDS);
        BackgroundWork work = new BackgroundWork(new FxThread());
        GateStartup startup = GateStartup.remote(gate.uri());
        Stage stage = FxRunner.call(Stage::new);
        WorkstationWindow window = FxRunner.call(() -> new WorkstationWindow(stage, startup, work, new FxThread()));

        // login, Vietnamese, with the officer's name typed
        FxRunner.run(() -> {
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
            window.showLogin(Wording.VIETNAMESE);
            stage.show();
            window.login().username().set("gate");
            window.login().password().set("bordergate-demo");
        });
        FxRunner.settle(600);
        ScreenshotFile.save(stage.getScene(), out.resolve("login.png"));

        // the gate officer's station: live lane pictures and the plates they read, the story crossing open
        FxRunner.run(() -> window.login().login());
        waitFor(() ->
                window.station() != null && window.station().queue().total().get() > 0);
        StationViewModel station = window.station();
        waitFor(() -> station.connection().state().get().name().equals("CONNECTED"));
        waitFor(
                Duration.ofMinutes(4),
                () -> window.feeds().shown().stream()
                                .filter(t -> t.state().get() == FeedState.LIVE
                                        && t.frame().get() != null)
                                .count()
                        >= Math.min(2, window.feeds().tiles().size()));
        waitFor(Duration.ofMinutes(3), () -> station.plateReads().reads().size() >= 2);
        othersDecide(gate, story);
        FxRunner.run(() -> station.show(story.id()));
        waitFor(() -> station.facts().facts().get() != null);
        FxRunner.settle(1500);
        ScreenshotFile.save(stage.getScene(), out.resolve("station.png"));
        Node detail = FxRunner.call(() -> stage.getScene().lookup("#crossing-pane"));
        if (detail != null) {
            ScreenshotFile.save(detail, out.resolve("crossing-detail.png"));
        }

        // the medical officer holds a driver with fever: a reason is required
        FxRunner.run(() -> window.showLogin(Wording.VIETNAMESE));
        FxRunner.run(() -> {
            window.login().username().set("medical");
            window.login().password().set("bordergate-demo");
            window.login().login();
        });
        waitFor(() ->
                window.station() != null && window.station().queue().total().get() > 0);
        StationViewModel medical = window.station();
        waitFor(() -> medical.connection().state().get().name().equals("CONNECTED"));
        FxRunner.run(() -> medical.show(story.id()));
        waitFor(() -> medical.crossing().crossing().get() != null);
        FxRunner.run(() -> medical.crossing().reason().set("Lái xe sốt 38,6 °C — chờ kết quả xét nghiệm nhanh"));
        FxRunner.call(() -> medical.crossing().hold()).get(10, TimeUnit.SECONDS);
        FxRunner.settle(1500);
        ScreenshotFile.save(stage.getScene(), out.resolve("station-hold.png"));

        // the same station in Chinese (a CJK font for the labels; Chinese plates show in every language)
        FxRunner.run(() -> window.showLogin(Wording.CHINESE));
        FxRunner.run(() -> {
            window.login().username().set("customs");
            window.login().password().set("bordergate-demo");
        });
        FxRunner.settle(400);
        ScreenshotFile.save(stage.getScene(), out.resolve("login-zh.png"));
        FxRunner.run(() -> window.login().login());
        waitFor(() ->
                window.station() != null && window.station().queue().total().get() > 0);
        StationViewModel chinese = window.station();
        waitFor(() -> chinese.connection().state().get().name().equals("CONNECTED"));
        borderGuardPasses(gate, story, 3);
        waitFor(() ->
                chinese.activity().size() >= 3 && chinese.crossing().crossing().get() != null);
        waitFor(Duration.ofSeconds(30), () -> window.feeds().shown().stream()
                .anyMatch(t -> t.frame().get() != null));
        FxRunner.settle(1500);
        ScreenshotFile.save(stage.getScene(), out.resolve("station-zh.png"));

        FxRunner.run(window::close);
        work.close();
        gate.close();
    }

    /** The story truck was weighed at the yard and its infrastructure fee paid, as most are by then. */
    private static void weighAndCharge(DemoGate gate, CrossingDto story) {
        if (gate.as("gate").facts().weighings(story.id()).isEmpty()) {
            gate.as("gate").facts().addWeighing(story.id(), new WeighingRequest(new BigDecimal("38420"), "SCALE-1"));
        }
        if (gate.as("fees").facts().fees(story.id()).isEmpty()) {
            gate.as("fees")
                    .facts()
                    .addFee(story.id(), new FeeRequest(FeeKind.INFRASTRUCTURE, new BigDecimal("850000"), "BL-0042"));
            gate.as("fees")
                    .facts()
                    .addFee(story.id(), new FeeRequest(FeeKind.YARD_SERVICE, new BigDecimal("120000"), null));
        }
    }

    /** A Chinese truck at the yard waiting for medical quarantine, as realistic as the demo day has. */
    private static CrossingDto prepareStory(DemoGate gate) {
        List<CrossingDto> waiting =
                gate.as("medical").crossings(CrossingStatus.IN_PROGRESS, Step.MEDICAL_QUARANTINE, 200);
        return waiting.stream()
                .filter(c -> c.trailerPlate() != null && !c.tractorPlate().matches("^[0-9].*"))
                .filter(c -> state(c, Step.VEHICLE_CONTROL) == StepState.PASSED)
                .filter(c -> state(c, Step.BORDER_CONTROL) == StepState.PENDING)
                .min(Comparator.comparing(CrossingDto::id))
                .orElseGet(gate::atTheYard);
    }

    /** Other agencies work the story crossing and a neighbour while the medical officer watches. */
    private static void othersDecide(DemoGate gate, CrossingDto story) {
        gate.pass(story.id(), Step.BORDER_CONTROL);
        if (state(gate.as("fees").crossing(story.id()), Step.FEE_COLLECTION) == StepState.PENDING) {
            gate.pass(story.id(), Step.FEE_COLLECTION);
        }
        List<CrossingDto> others =
                gate.as("quarantine").crossings(CrossingStatus.IN_PROGRESS, Step.PLANT_ANIMAL_QUARANTINE, 20);
        others.stream()
                .filter(c -> c.id() != story.id() && state(c, Step.VEHICLE_CONTROL) == StepState.PASSED)
                .findFirst()
                .ifPresent(c -> gate.decide(
                        c.id(),
                        Step.PLANT_ANIMAL_QUARANTINE,
                        Outcome.HOLD,
                        "Phát hiện côn trùng sống trong kiện hàng"));
        borderGuardPasses(gate, story, 2);
    }

    private static void borderGuardPasses(DemoGate gate, CrossingDto story, int count) {
        List<CrossingDto> border =
                gate.as("borderguard").crossings(CrossingStatus.IN_PROGRESS, Step.BORDER_CONTROL, 50);
        border.stream()
                .filter(c -> c.id() != story.id() && state(c, Step.VEHICLE_CONTROL) == StepState.PASSED)
                .filter(c -> c.steps().stream().noneMatch(s -> s.state() == StepState.HELD))
                .limit(count)
                .forEach(c -> gate.pass(c.id(), Step.BORDER_CONTROL));
    }

    private static StepState state(CrossingDto crossing, Step step) {
        return crossing.steps().stream()
                .filter(s -> s.step() == step)
                .findFirst()
                .orElseThrow()
                .state();
    }

    /** Waits for the gate itself (off the FX thread). */
    private static void waitUntil(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the demo gate did not get there in " + limit.toSeconds() + " s");
            }
            Thread.sleep(500);
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        waitFor(Duration.ofSeconds(90), condition);
    }

    private static void waitFor(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!FxRunner.call(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the screen did not get there in " + limit.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }
}
