package vn.bordergate.workstation.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.workstation.support.DemoGate;
import vn.bordergate.workstation.support.FxRunner;
import vn.bordergate.workstation.support.OnScreen;
import vn.bordergate.workstation.support.ScreenText;
import vn.bordergate.workstation.support.WorkstationStage;
import vn.bordergate.workstation.text.Wording;

/** A medical officer's station, driven by keyboard and mouse against a real gate (headless under Monocle). */
@ExtendWith(ApplicationExtension.class)
class StationViewTest {
    private static DemoGate gate;
    private WorkstationStage workstation;

    @BeforeAll
    static void gate() {
        gate = DemoGate.shared();
    }

    @Start
    void start(Stage stage) {
        workstation = new WorkstationStage(stage, gate, Wording.VIETNAMESE);
        workstation.signInAs("medical");
    }

    @BeforeEach
    void stationIsLive() throws TimeoutException {
        workstation.awaitLiveStation(20);
    }

    @AfterEach
    void stop() {
        workstation.close();
    }

    @SuppressWarnings("unchecked")
    private static TableView<CrossingDto> table(FxRobot robot) {
        return robot.lookup("#queue-table").queryAs(TableView.class);
    }

    /** Types the plate into the search box and clicks its row: the detail then shows that crossing. */
    private void open(FxRobot robot, CrossingDto crossing) throws TimeoutException {
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> FxRunner.call(() -> table(robot).getItems().stream().anyMatch(c -> c.id() == crossing.id())));
        OnScreen.await(robot, "#queue-search", 15);
        robot.clickOn("#queue-search").write(crossing.tractorPlate());
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> FxRunner.call(() -> table(robot).getItems().size() == 1));
        // the table recycles its row cells, so the first one in the scene may be an empty one: click the
        // row that shows this crossing
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> FxRunner.call(() -> rowOf(robot, crossing) != null));
        robot.clickOn(FxRunner.call(() -> rowOf(robot, crossing)));
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> crossing.tractorPlate().equals(ScreenText.of(robot, "#detail-plate")));
    }

    private static Node rowOf(FxRobot robot, CrossingDto crossing) {
        return robot.lookup("#queue-table .table-row-cell")
                .match((TableRow<?> row) ->
                        row.isVisible() && row.getItem() instanceof CrossingDto shown && shown.id() == crossing.id())
                .tryQuery()
                .orElse(null);
    }

    @Test
    void f2ConfirmsTheOwnStepAndTheChecklistShowsIt(FxRobot robot) throws TimeoutException {
        CrossingDto crossing = gate.atTheYard();
        open(robot, crossing);
        assertThat(ScreenText.of(robot, "#step-state-MEDICAL_QUARANTINE")).isEqualTo("Chờ xử lý");

        robot.type(KeyCode.F2);

        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> "Đạt".equals(ScreenText.of(robot, "#step-state-MEDICAL_QUARANTINE")));
        assertThat(gate.state(crossing.id(), Step.MEDICAL_QUARANTINE)).isEqualTo(StepState.PASSED);
        // as with a hold, the live event can show the pass before the officer's own request has its answer
        String done = "Đã xác nhận bước 4 cho xe " + crossing.tractorPlate();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ScreenText.of(robot, "#action-message")
                .startsWith(done));
        assertThat(robot.lookup("#action-confirm").query().isDisabled()).isTrue();
    }

    @Test
    void holdingAsksForAReasonFirst(FxRobot robot) throws TimeoutException {
        CrossingDto crossing = gate.atTheYard();
        open(robot, crossing);

        OnScreen.await(robot, "#action-hold", 10);
        robot.clickOn("#action-hold");

        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> "Nhập lý do để giữ xe.".equals(ScreenText.of(robot, "#action-message")));
        assertThat(robot.lookup("#action-reason").query().isFocused())
                .as("cursor put in the reason")
                .isTrue();
        assertThat(ScreenText.of(robot, "#step-state-MEDICAL_QUARANTINE")).isEqualTo("Chờ xử lý");
        assertThat(gate.state(crossing.id(), Step.MEDICAL_QUARANTINE)).isEqualTo(StepState.PENDING);

        robot.write("Lái xe sốt 38,6 độ").type(KeyCode.F3);

        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> "Đang giữ".equals(ScreenText.of(robot, "#step-state-MEDICAL_QUARANTINE")));
        assertThat(gate.state(crossing.id(), Step.MEDICAL_QUARANTINE)).isEqualTo(StepState.HELD);
        // the live event can show the hold before the officer's own request has its answer; the release button
        // comes once the answer is back and the view model is no longer busy
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#action-release")
                .query()
                .isVisible());
    }

    @Test
    void anotherOfficersDecisionsShowUpLiveInTheQueueAndTheChecklist(FxRobot robot) throws TimeoutException {
        // customs and gate management let a truck in from their own workstations (here: their API clients)
        CrossingDto crossing = gate.atTheYard();

        open(robot, crossing); // waits until the event brought it into "waiting for me"
        gate.pass(crossing.id(), Step.BORDER_CONTROL);

        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> "Đạt".equals(ScreenText.of(robot, "#step-state-BORDER_CONTROL")));
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> FxRunner.call(() -> {
                    StationViewModel station = workstation.window().station();
                    return !station.activity().isEmpty()
                            && station.activity().get(0).crossingId() == crossing.id();
                }));
        assertThat(robot.lookup("#activity-list").tryQuery()).isPresent();
    }
}
