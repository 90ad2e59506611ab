package vn.bordergate.workstation.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vn.bordergate.common.dto.AuditEntryDto;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.workstation.station.StationViewModel;
import vn.bordergate.workstation.support.DemoGate;
import vn.bordergate.workstation.support.FxRunner;
import vn.bordergate.workstation.support.OnScreen;
import vn.bordergate.workstation.support.WorkstationStage;
import vn.bordergate.workstation.text.Wording;

/**
 * The officer's sign-in expires mid-shift (here after 45 s): the station stays on screen behind a password
 * prompt, the confirmation made meanwhile waits in the outbox, and goes out once after signing in again.
 */
@ExtendWith(ApplicationExtension.class)
class SessionExpiryTest {
    /** Longer than signing in, connecting and finding the crossing take on a loaded CI host (20 s was close). */
    private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(45);

    private static DemoGate gate;
    private WorkstationStage workstation;

    @BeforeAll
    static void gateWithShortSessions() {
        gate = DemoGate.start(TOKEN_LIFETIME);
    }

    @AfterAll
    static void stopGate() {
        gate.close();
    }

    @Start
    void start(Stage stage) throws IOException {
        workstation = new WorkstationStage(
                stage, gate.uri(), Wording.VIETNAMESE, Files.createTempDirectory("bordergate-outboxes-"));
        workstation.signInAs("medical");
    }

    @BeforeEach
    void stationIsLive() throws TimeoutException {
        waitFor(30, () -> station() != null && station().connection().state().get() == ConnectionState.CONNECTED);
    }

    @AfterEach
    void stop() {
        workstation.close();
    }

    private StationViewModel station() {
        return workstation.window().station();
    }

    private static void waitFor(int seconds, Callable<Boolean> onFx) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> FxRunner.call(onFx));
    }

    private static String text(FxRobot robot, String query) {
        return FxRunner.call(() -> robot.lookup(query)
                .tryQuery()
                .filter(Node::isVisible)
                .map(node -> ((Labeled) node).getText())
                .orElse(""));
    }

    private static boolean showing(FxRobot robot, String query) {
        return FxRunner.call(
                () -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false)
                        && robot.lookup(query).query().getParent().isVisible());
    }

    @Test
    void anExpiredSessionAsksForThePasswordAndSendsWhatWaitedAfterwards(FxRobot robot) throws Exception {
        CrossingDto crossing = gate.atTheYard();
        waitFor(30, () -> station().queue().byId(crossing.id()).isPresent());
        FxRunner.run(() -> station().select(crossing));
        Instant expires = FxRunner.call(() -> station().session().expiresAt());
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expires).toMillis()) + 1000);

        // the detail may still be loading its facts (busy) on a slow machine: confirm only once it can be
        waitFor(20, () -> station().crossing().canConfirm().get());
        FxRunner.run(() -> station().crossing().confirm());

        waitFor(20, () -> station().outbox().waitingForLogin().get());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing(robot, "#relogin-card"));
        // another call's 401 may raise the prompt before the outbox has written the action to its journal
        waitFor(10, () -> station().outbox().pending().get() == 1);
        String saved = "Đã lưu: bước 4 của xe " + crossing.tractorPlate() + " sẽ được gửi sau khi bạn đăng nhập lại.";
        waitFor(10, () -> saved.equals(station().crossing().message().get()));
        assertThat(FxRunner.call(() -> station().outbox().pending().get())).isEqualTo(1);
        assertThat(text(robot, "#detail-plate"))
                .as("the station stays behind the prompt")
                .isEqualTo(crossing.tractorPlate());
        assertThat(gate.state(crossing.id(), Step.MEDICAL_QUARANTINE)).isEqualTo(StepState.PENDING);

        OnScreen.await(robot, "#relogin-password", 10);
        robot.clickOn("#relogin-password").write("wrong-password").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> !text(robot, "#relogin-error").isEmpty());
        assertThat(text(robot, "#relogin-error")).isEqualTo("Sai tên đăng nhập hoặc mật khẩu.");
        assertThat(FxRunner.call(() -> station().outbox().pending().get()))
                .as("kept")
                .isEqualTo(1);

        robot.clickOn("#relogin-password").write(DemoGate.PASSWORD);
        robot.clickOn("#relogin-submit");

        waitFor(20, () -> station().outbox().pending().get() == 0);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !showing(robot, "#relogin-card"));
        assertThat(gate.state(crossing.id(), Step.MEDICAL_QUARANTINE)).isEqualTo(StepState.PASSED);
        assertThat(gate.audit(crossing.id()).stream()
                        .filter(e -> e.details() != null && e.details().startsWith(Step.MEDICAL_QUARANTINE.name()))
                        .map(AuditEntryDto::action))
                .containsExactly("STEP_PASS");
        assertThat(FxRunner.call(() -> station().session().user().username())).isEqualTo("medical");
    }
}
