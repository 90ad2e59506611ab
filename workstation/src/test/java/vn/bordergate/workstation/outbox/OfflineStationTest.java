package vn.bordergate.workstation.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
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
import vn.bordergate.workstation.support.TcpRelay;
import vn.bordergate.workstation.support.WorkstationStage;
import vn.bordergate.workstation.text.Wording;

/**
 * A medical officer keeps working while the gate server is away (headless, against a real server in
 * process): the confirmation waits in the outbox, shown in the status bar, and is delivered once when the
 * server is back; a step a colleague decided meanwhile is shown as a conflict, not overwritten.
 */
@ExtendWith(ApplicationExtension.class)
class OfflineStationTest {
    private static DemoGate gate;
    private static TcpRelay cable;
    private WorkstationStage workstation;

    @BeforeAll
    static void gate() throws Exception {
        gate = DemoGate.start();
        gate.server().awaitDemoDay();
        cable = new TcpRelay(gate.uri());
    }

    @AfterAll
    static void stopGate() throws IOException {
        cable.close();
        gate.close();
    }

    @Start
    void start(Stage stage) throws IOException {
        Path outboxes = Files.createTempDirectory("bordergate-outboxes-"); // each test its own workstation
        workstation = new WorkstationStage(stage, cable.uri(), Wording.VIETNAMESE, outboxes);
        workstation.signInAs("medical");
    }

    @BeforeEach
    void stationIsLive() throws TimeoutException {
        workstation.awaitLiveStation(30);
    }

    @AfterEach
    void stop() {
        workstation.close();
    }

    private static void waitFor(int seconds, java.util.concurrent.Callable<Boolean> onFx) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> FxRunner.call(onFx));
    }

    private static String text(FxRobot robot, String query) {
        return FxRunner.call(() -> robot.lookup(query)
                .tryQuery()
                .filter(Node::isVisible)
                .map(node -> ((Labeled) node).getText())
                .orElse(""));
    }

    private StationViewModel station() {
        return workstation.window().station();
    }

    /** Selects the crossing in the queue (it arrives there through the live events). */
    private void open(CrossingDto crossing) throws TimeoutException {
        waitFor(20, () -> station().queue().byId(crossing.id()).isPresent());
        FxRunner.run(() -> station().select(crossing));
        waitFor(5, () -> station().crossing().canConfirm().get());
    }

    private static List<String> medicalActions(long crossingId) {
        return gate.audit(crossingId).stream()
                .filter(e -> e.details() != null && e.details().startsWith(Step.MEDICAL_QUARANTINE.name()))
                .map(AuditEntryDto::action)
                .toList();
    }

    @Test
    void aConfirmationMadeWhileTheServerIsDownIsDeliveredOnceWhenItComesBack(FxRobot robot) throws Exception {
        CrossingDto crossing = gate.atTheYard();
        open(crossing);
        int port = gate.server().port();
        gate.close();

        robot.type(KeyCode.F2);

        waitFor(20, () -> station().outbox().pending().get() == 1);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> text(robot, "#outbox-count").equals("1 thao tác chờ gửi"));
        String saved =
                "Đã lưu: bước 4 của xe " + crossing.tractorPlate() + " sẽ được gửi ngay khi kết nối lại máy chủ.";
        WaitForAsyncUtils.waitFor(
                15, TimeUnit.SECONDS, () -> text(robot, "#action-message").equals(saved));
        assertThat(FxRunner.call(() -> station().crossing().canConfirm().get()))
                .as("no second confirmation while the first waits")
                .isFalse();

        gate = gate.restart(port); // same port, same data

        waitFor(40, () -> station().outbox().pending().get() == 0);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> text(robot, "#outbox-count").isEmpty());
        assertThat(gate.state(crossing.id(), Step.MEDICAL_QUARANTINE)).isEqualTo(StepState.PASSED);
        assertThat(medicalActions(crossing.id()))
                .as("one confirmation, not two")
                .containsExactly("STEP_PASS");
        waitFor(10, () -> station()
                .queue()
                .byId(crossing.id())
                .map(c -> c.steps().get(3).state() == StepState.PASSED)
                .orElse(false));
    }

    @Test
    void aStepAColleagueDecidedMeanwhileIsShownAsAConflictUntilDiscarded(FxRobot robot) throws Exception {
        CrossingDto crossing = gate.atTheYard();
        open(crossing);
        cable.cut(); // this workstation's network is down; the gate server is not

        robot.type(KeyCode.F2);
        waitFor(20, () -> station().outbox().pending().get() == 1);
        gate.pass(crossing.id(), Step.MEDICAL_QUARANTINE); // a colleague at another medical workstation
        cable.restore();

        waitFor(40, () -> station().outbox().refused().get() == 1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#outbox-count")
                .equals("1 thao tác chờ gửi  ·  1 cần bạn xem lại"));
        OnScreen.await(robot, "#outbox-count", 10);
        robot.clickOn("#outbox-count");
        String key = FxRunner.call(() -> station().outbox().entries().get(0).key());
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> !text(robot, "#outbox-state-" + key).isEmpty());
        assertThat(text(robot, "#outbox-state-" + key))
                .startsWith("Không thực hiện được — Bước 4 đã chuyển từ “Chờ xử lý” sang “Đạt” (bởi medical, lúc ");
        assertThat(medicalActions(crossing.id())).as("not overwritten").containsExactly("STEP_PASS");

        OnScreen.await(robot, ".outbox-discard", 10);
        robot.clickOn(".outbox-discard");

        waitFor(10, () -> station().outbox().pending().get() == 0);
        assertThat(medicalActions(crossing.id())).containsExactly("STEP_PASS");
    }
}
