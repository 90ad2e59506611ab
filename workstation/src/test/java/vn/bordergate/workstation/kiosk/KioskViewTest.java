package vn.bordergate.workstation.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.connection.FxThread;
import vn.bordergate.workstation.connection.GateStartup;
import vn.bordergate.workstation.support.DemoGate;
import vn.bordergate.workstation.support.FxRunner;
import vn.bordergate.workstation.support.OnScreen;
import vn.bordergate.workstation.support.ScreenText;

/** The kiosk's screens driven by touch (mouse) against a real gate server, headless under Monocle. */
@ExtendWith(ApplicationExtension.class)
class KioskViewTest {
    private static DemoGate gate;
    private final BackgroundWork work = new BackgroundWork(new FxThread());
    private KioskWindow kiosk;

    @TempDir
    static Path tickets;

    @BeforeAll
    static void gate() {
        gate = DemoGate.shared();
    }

    @Start
    void start(Stage stage) {
        KioskSettings settings = new KioskSettings("kiosk", DemoGate.PASSWORD, null, Duration.ofSeconds(60), tickets);
        kiosk = new KioskWindow(stage, GateStartup.remote(gate.uri()), work, settings, Clock.systemUTC());
        stage.setWidth(1600);
        stage.setHeight(1000);
        stage.show();
    }

    @AfterEach
    void stop() {
        FxRunner.run(kiosk::close);
        work.close();
    }

    /**
     * The kiosk builds its screen anew whenever its step or language changes, which can happen just after the
     * start screen first shows: TestFX's lookup, made off the FX thread, then may meet the old button already out
     * of its scene (a NullPointerException inside TestFX, once in CI). The button's place is taken on the FX
     * thread instead, where the screen can't change under it.
     */
    private static void clickWhereItIs(FxRobot robot, String query) {
        Point2D centre = FxRunner.call(() -> {
            Node node = robot.lookup(query).query();
            Bounds bounds = node.localToScreen(node.getLayoutBounds());
            return new Point2D(bounds.getCenterX(), bounds.getCenterY());
        });
        robot.clickOn(centre);
    }

    private static void waitFor(FxRobot robot, String query) throws TimeoutException {
        OnScreen.await(robot, query, 30);
    }

    /** Types on the kiosk's own keyboard, key by key. */
    private static void tap(FxRobot robot, String plate) {
        for (char c : plate.toCharArray()) {
            robot.clickOn("#key-" + (c == '.' ? "\\." : String.valueOf(c)));
        }
    }

    @Test
    void aDriverFindsTheTripByPlateChecksInAndGetsATicketAsPdf(FxRobot robot) throws Exception {
        CrossingDto trip = KioskGates.accepted(gate);
        waitFor(robot, "#lang-en");

        robot.clickOn("#lang-en");
        waitFor(robot, "#key-1");
        tap(robot, trip.tractorPlate().replace("-", "").replace(".", ""));
        robot.clickOn("#find-submit");

        waitFor(robot, "#card-check-in");
        assertThat(ScreenText.of(robot, "#card-plate")).isEqualTo(trip.tractorPlate());
        assertThat(ScreenText.of(robot, "#card-status")).isEqualTo("En route");
        robot.clickOn("#card-check-in");

        waitFor(robot, "#queue-number");
        String number = ScreenText.of(robot, "#queue-number");
        assertThat(Integer.parseInt(number)).isPositive();
        assertThat(ScreenText.of(robot, "#queue-yard")).startsWith("Bãi");
        assertThat(ScreenText.of(robot, "#queue-lane")).isEqualTo("— not called yet —");
        robot.clickOn("#queue-print");

        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> ticketOf(trip).isPresent());
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(ticketOf(trip).orElseThrow()))) {
            String printed = new PDFTextStripper().getText(pdf);
            assertThat(printed).contains(trip.tractorPlate()).contains(number);
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ScreenText.of(robot, "#queue-message")
                .startsWith("Ticket saved"));
        // the ticket is shown in the shared preview, ready to print; the driver closes it
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#document-preview")
                .tryQuery()
                .isPresent());
        FxRunner.run(() -> Window.getWindows().stream()
                .filter(w -> w.getScene() != null
                        && "document-preview".equals(w.getScene().getRoot().getId()))
                .toList()
                .forEach(Window::hide));

        robot.clickOn("#queue-done");
        waitFor(robot, "#lang-vi");
        assertThat(robot.lookup("#queue-number").tryQuery()).isEmpty();
    }

    @Test
    void anEnterpriseDeclaresARepeatTrip(FxRobot robot) throws Exception {
        CrossingDto finished = gate.declare(DemoGate.uniquePlate());
        gate.as("enterprise").cancelDeclaration(finished.declarationId());
        waitFor(robot, "#start-repeat");

        clickWhereItIs(robot, "#start-repeat");
        robot.clickOn("#repeat-username").write("enterprise");
        robot.clickOn("#repeat-password").write(DemoGate.PASSWORD);
        robot.clickOn("#repeat-sign-in");
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> FxRunner.call(() ->
                                robot.lookup("#repeat-previous-0").tryQuery().isPresent())
                        || !ScreenText.of(robot, "#repeat-error").isEmpty());
        assertThat(ScreenText.of(robot, "#repeat-error")).isEmpty();
        waitFor(robot, "#repeat-previous-0");
        assertThat(ScreenText.of(robot, "#repeat-previous-0")).startsWith(finished.tractorPlate());
        robot.clickOn("#repeat-previous-0");

        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> FxRunner.call(() -> kiosk.model().repeat().picked().get() != null));
        waitFor(robot, "#repeat-quantity-1");
        robot.doubleClickOn("#repeat-quantity-1").press(KeyCode.BACK_SPACE).release(KeyCode.BACK_SPACE);
        robot.write("8000");
        robot.clickOn("#repeat-submit");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ScreenText.of(robot, "#repeat-message")
                .startsWith("Đã gửi tờ khai"));
        DeclarationDto sent = gate.as("enterprise").declarations(null, 1000).stream()
                .filter(d -> d.tractorPlate().equals(finished.tractorPlate()) && d.id() != finished.declarationId())
                .findFirst()
                .orElseThrow();
        assertThat(sent.goods().get(0).quantity()).isEqualByComparingTo("8000");
        assertThat(ScreenText.of(robot, "#repeat-message")).contains(sent.code());
    }

    private static Optional<Path> ticketOf(CrossingDto trip) {
        try (Stream<Path> files = Files.list(tickets)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-" + trip.id() + ".pdf"))
                    .filter(f -> f.toFile().length() > 0)
                    .findFirst();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
