package vn.bordergate.workstation.kiosk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.connection.FxThread;
import vn.bordergate.workstation.connection.GateStartup;
import vn.bordergate.workstation.support.DemoGate;
import vn.bordergate.workstation.support.FxRunner;
import vn.bordergate.workstation.support.ScreenshotFile;
import vn.bordergate.workstation.text.Wording;

/**
 * Renders the kiosk's screens into {@code docs/screenshots/kiosk-*.png} with a real window (Xvfb):
 * {@code xvfb-run -a -s "-screen 0 1920x1080x24" mvn -B -pl workstation -am -Pscreenshots test
 * -Dtest='KioskScreenshotsTest'}. Left out of {@code mvn verify} (tag "screenshots").
 */
@Tag("screenshots")
class KioskScreenshotsTest {
    private static final double WIDTH = 1600;
    private static final double HEIGHT = 1000;

    @Test
    void renderKioskScreens() throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(out);
        DemoGate gate = DemoGate.shared();
        CrossingDto trip = KioskGates.accepted(gate);
        // two earlier trips of the exporter, over, to repeat
        for (int i = 0; i < 2; i++) {
            CrossingDto done = gate.declare(DemoGate.uniquePlate());
            gate.as("enterprise").cancelDeclaration(done.declarationId());
        }

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await(10, TimeUnit.SECONDS);
        BackgroundWork work = new BackgroundWork(new FxThread());
        Stage stage = FxRunner.call(Stage::new);
        KioskSettings settings = new KioskSettings(
                "kiosk", DemoGate.PASSWORD, null, Duration.ofSeconds(60), Files.createTempDirectory("tickets"));
        KioskWindow window = FxRunner.call(
                () -> new KioskWindow(stage, GateStartup.remote(gate.uri()), work, settings, Clock.systemUTC()));
        FxRunner.run(() -> {
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
            stage.show();
        });
        waitFor(() -> window.model() != null);
        KioskViewModel model = window.model();
        FxRunner.settle(800);
        ScreenshotFile.save(stage.getScene(), out.resolve("kiosk-start.png"));

        // a Vietnamese driver types the plate on the kiosk's keyboard
        FxRunner.run(() -> {
            model.chooseLanguage(Wording.VIETNAMESE);
            model.plate().set(trip.tractorPlate());
        });
        FxRunner.settle(600);
        ScreenshotFile.save(stage.getScene(), out.resolve("kiosk-find.png"));

        FxRunner.run(model::find);
        waitFor(() -> FxRunner.call(() -> model.step().get() == KioskStep.CROSSING));
        FxRunner.settle(600);
        ScreenshotFile.save(stage.getScene(), out.resolve("kiosk-crossing.png"));

        FxRunner.run(model::checkIn);
        waitFor(() -> FxRunner.call(() -> model.step().get() == KioskStep.QUEUE));
        FxRunner.settle(600);
        ScreenshotFile.save(stage.getScene(), out.resolve("kiosk-queue.png"));

        // an enterprise user repeats an earlier trip
        FxRunner.run(() -> {
            model.reset();
            model.startRepeatDeclaration(Wording.ENGLISH);
            model.repeat().username().set("enterprise");
            model.repeat().password().set(DemoGate.PASSWORD);
            model.repeat().signIn();
        });
        waitFor(() -> FxRunner.call(() -> model.step().get() == KioskStep.REPEAT));
        FxRunner.run(() -> model.repeat().pick(model.repeat().previous().get(0)));
        FxRunner.settle(800);
        ScreenshotFile.save(stage.getScene(), out.resolve("kiosk-repeat.png"));

        FxRunner.run(window::close);
        work.close();
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s");
            }
            Thread.sleep(100);
        }
    }
}
