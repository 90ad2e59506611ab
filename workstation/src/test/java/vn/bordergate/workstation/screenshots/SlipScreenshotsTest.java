package vn.bordergate.workstation.screenshots;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.WeighingRequest;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.workstation.WorkstationWindow;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.connection.FxThread;
import vn.bordergate.workstation.connection.GateStartup;
import vn.bordergate.workstation.station.StationViewModel;
import vn.bordergate.workstation.support.DemoGate;
import vn.bordergate.workstation.support.FxRunner;
import vn.bordergate.workstation.support.ScreenshotFile;
import vn.bordergate.workstation.text.Wording;

/**
 * The slip preview screenshot ({@code docs/screenshots/slip-preview.png}) with a real window under Xvfb:
 * {@code xvfb-run -a -s "-screen 0 1920x1080x24" mvn -B -pl workstation -am -Pscreenshots test
 * -Dtest=SlipScreenshotsTest -Dsurefire.failIfNoSpecifiedTests=false}. Tagged "screenshots", so left out of
 * {@code mvn verify}.
 */
@Tag("screenshots")
class SlipScreenshotsTest {
    @Test
    void renderSlipPreview() throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(out);
        DemoGate gate = DemoGate.shared();
        CrossingDto story = story(gate);
        // the server compiles the slip template in the background after it starts; wait for it here, as an
        // officer would find it compiled long before the first print
        var patient = new GateClient(gate.uri(), HttpClient.newHttpClient(), Duration.ofSeconds(180));
        patient.withToken(patient.login("medical", DemoGate.PASSWORD).token())
                .download("/api/crossings/" + story.id() + "/slip", "application/pdf");

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await(10, TimeUnit.SECONDS);
        BackgroundWork work = new BackgroundWork(new FxThread());
        Stage stage = FxRunner.call(Stage::new);
        WorkstationWindow window =
                FxRunner.call(() -> new WorkstationWindow(stage, GateStartup.remote(gate.uri()), work, new FxThread()));
        FxRunner.run(() -> {
            stage.setWidth(1600);
            stage.setHeight(940);
            window.showLogin(Wording.VIETNAMESE);
            stage.show();
            window.login().username().set("medical");
            window.login().password().set("bordergate-demo");
            window.login().login();
        });
        waitFor(() ->
                window.station() != null && window.station().queue().total().get() > 0);
        StationViewModel station = window.station();
        waitFor(() -> station.queue().byId(story.id()).isPresent());
        FxRunner.run(() -> station.queue().byId(story.id()).ifPresent(station::select));
        FxRunner.settle(800);
        ScreenshotFile.save(stage.getScene(), Path.of("target", "station-with-print-slip.png"));

        FxRunner.run(() -> ((Button) stage.getScene().lookup("#print-slip")).fire());
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!FxRunner.call(SlipScreenshotsTest::pagesShown)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no slip preview in 90 s: " + FxRunner.call(SlipScreenshotsTest::describe));
            }
            FxRunner.settle(1000);
        }
        Stage preview = FxRunner.call(() -> preview().orElseThrow());
        FxRunner.run(() -> {
            preview.setWidth(1100);
            preview.setHeight(1000);
        });
        FxRunner.settle(800);
        ScreenshotFile.save(preview.getScene(), out.resolve("slip-preview.png"));

        FxRunner.run(preview::close);
        FxRunner.run(window::close);
        work.close();
    }

    /** A demo Chinese truck with a trailer at the yard: steps 1–3 passed by the demo day, weighed, two more passed. */
    private static CrossingDto story(DemoGate gate) {
        CrossingDto story =
                gate.as("medical").crossings(CrossingStatus.IN_PROGRESS, Step.MEDICAL_QUARANTINE, 200).stream()
                        .filter(c ->
                                c.trailerPlate() != null && !c.tractorPlate().matches("^[0-9].*"))
                        .filter(c -> state(c, Step.VEHICLE_CONTROL) == StepState.PASSED)
                        .filter(c -> state(c, Step.BORDER_CONTROL) == StepState.PENDING)
                        .min(Comparator.comparing(CrossingDto::id))
                        .orElseGet(gate::atTheYard);
        if (story.grossWeightKg() == null) {
            gate.as("gate")
                    .facts()
                    .addWeighing(story.id(), new WeighingRequest(new BigDecimal("38640.50"), "SCALE-HN-1"));
        }
        gate.pass(story.id(), Step.BORDER_CONTROL);
        if (state(gate.as("fees").crossing(story.id()), Step.FEE_COLLECTION) == StepState.PENDING) {
            gate.pass(story.id(), Step.FEE_COLLECTION);
        }
        return gate.as("medical").crossing(story.id());
    }

    private static boolean pagesShown() {
        return preview()
                .map(s -> s.getScene().lookup("#preview-page-1") != null)
                .orElse(false);
    }

    /** What the windows show, for a failure message. */
    private static String describe() {
        StringBuilder out = new StringBuilder();
        for (Window w : Window.getWindows()) {
            if (w.getScene() == null) {
                continue;
            }
            out.append('[').append(w.getScene().getRoot().getId());
            for (String id : List.of("#print-slip-error", "#preview-status", "#preview-page-count")) {
                var node = w.getScene().lookup(id);
                if (node instanceof javafx.scene.control.Labeled label) {
                    out.append(' ').append(id).append('=').append(label.getText());
                }
            }
            out.append("] ");
        }
        return out.toString();
    }

    private static java.util.Optional<Stage> preview() {
        // called on the FX thread
        return Window.getWindows().stream()
                .filter(w -> w instanceof Stage && w.getScene() != null)
                .filter(w -> "document-preview".equals(w.getScene().getRoot().getId()))
                .map(w -> (Stage) w)
                .findFirst();
    }

    private static StepState state(CrossingDto crossing, Step step) {
        return crossing.steps().stream()
                .filter(s -> s.step() == step)
                .findFirst()
                .orElseThrow()
                .state();
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!answers(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the screen did not get there in 90 s");
            }
            Thread.sleep(50);
        }
    }

    /** The condition on the FX thread; when that thread does not answer, what it is stuck in. */
    private static boolean answers(BooleanSupplier condition) {
        try {
            return FxRunner.call(condition::getAsBoolean);
        } catch (IllegalStateException stuck) {
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                if (thread.getName().contains("JavaFX") || thread.getName().startsWith("gate-io")) {
                    System.err.println("== " + thread.getName());
                    for (StackTraceElement frame : stack) {
                        System.err.println("    at " + frame);
                    }
                }
            });
            throw stuck;
        }
    }
}
