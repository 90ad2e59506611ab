package vn.bordergate.workstation.screenshots;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.workstation.WorkstationWindow;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.connection.FxThread;
import vn.bordergate.workstation.connection.GateStartup;
import vn.bordergate.workstation.support.DemoGate;
import vn.bordergate.workstation.support.FxRunner;
import vn.bordergate.workstation.support.ScreenshotFile;
import vn.bordergate.workstation.text.Wording;

/**
 * The supervisor's dashboard screenshot ({@code docs/screenshots/dashboard.png}), full HD as on a wall
 * screen, on a demo gate with its lane cameras running: {@code xvfb-run -a -s "-screen 0 1920x1080x24" mvn
 * -B -o -pl workstation -am -Pscreenshots -Dtest=DashboardScreenshotsTest
 * -Dsurefire.failIfNoSpecifiedTests=false test}. Tagged "screenshots", so left out of {@code mvn verify}.
 */
@Tag("screenshots")
class DashboardScreenshotsTest {
    @Test
    void renderDashboard() throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(out);
        DemoGate gate = DemoGate.startWithCameras();
        try {
            gate.server().awaitDemoDay();
            // a few holds, so the backlog shows what a held step looks like
            for (int i = 0; i < 3; i++) {
                var truck = gate.atTheYard();
                gate.decide(truck.id(), Step.MEDICAL_QUARANTINE, Outcome.HOLD, "sốt 38,2 °C: khám lại");
            }

            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await(10, TimeUnit.SECONDS);
            BackgroundWork work = new BackgroundWork(new FxThread());
            Stage stage = FxRunner.call(Stage::new);
            WorkstationWindow window = FxRunner.call(
                    () -> new WorkstationWindow(stage, GateStartup.remote(gate.uri()), work, new FxThread()));
            FxRunner.run(() -> {
                stage.setX(0);
                stage.setY(0);
                stage.setWidth(1920);
                stage.setHeight(1080);
                window.showLogin(Wording.VIETNAMESE);
                stage.show();
                window.login().username().set("supervisor");
                window.login().password().set(DemoGate.PASSWORD);
                window.login().login();
            });
            waitFor(() -> stage.getScene().lookup("#dashboard-toggle") != null);
            FxRunner.run(() -> ((Button) stage.getScene().lookup("#dashboard-toggle")).fire());
            waitFor(() -> stage.getScene().lookup("#camera-tiles") != null
                    && stage.getScene().lookup(".camera-streaming") != null);
            FxRunner.settle(1500);
            ScreenshotFile.save(stage.getScene(), out.resolve("dashboard.png"));
            FxRunner.run(window::close);
            work.close();
        } finally {
            gate.close();
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!FxRunner.call(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the screen did not get there in 180 s");
            }
            Thread.sleep(100);
        }
    }
}
