package vn.bordergate.workstation.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Labeled;
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
import vn.bordergate.common.dto.DashboardDto;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.workstation.connection.ConnectionState;
import vn.bordergate.workstation.support.DemoGate;
import vn.bordergate.workstation.support.FxRunner;
import vn.bordergate.workstation.support.OnScreen;
import vn.bordergate.workstation.support.WorkstationStage;
import vn.bordergate.workstation.text.Wording;

/**
 * The shift supervisor opens the dashboard from the station header, and it follows the gate: a truck
 * declared and arriving on the real demo gate shows up in the waiting count and the backlog by itself.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardViewTest {
    private static DemoGate gate;
    private WorkstationStage workstation;

    @BeforeAll
    static void gate() {
        gate = DemoGate.shared();
    }

    @Start
    void start(Stage stage) {
        workstation = new WorkstationStage(stage, gate, Wording.ENGLISH);
        workstation.signInAs("supervisor");
    }

    @BeforeEach
    void stationIsLive() throws TimeoutException {
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> FxRunner.call(() -> workstation.window().station() != null
                        && workstation.window().station().connection().state().get() == ConnectionState.CONNECTED));
    }

    @AfterEach
    void stop() {
        workstation.close();
    }

    private static String text(FxRobot robot, String query) {
        return FxRunner.call(() -> robot.lookup(query)
                .tryQuery()
                .map(node -> ((Labeled) node).getText())
                .orElse(""));
    }

    /** The stacked bar of {@code step}'s pending vehicles, as drawn. */
    @SuppressWarnings("unchecked")
    private static long pendingBar(FxRobot robot, Step step) {
        return FxRunner.call(() -> {
            StackedBarChart<Number, String> chart =
                    robot.lookup("#backlog-chart").queryAs(StackedBarChart.class);
            XYChart.Series<Number, String> pending = chart.getData().get(0);
            return pending.getData().stream()
                    .filter(d -> d.getYValue().startsWith(step.number() + " · "))
                    .findFirst()
                    .map(d -> d.getXValue().longValue())
                    .orElse(-1L);
        });
    }

    @Test
    void theDashboardFollowsATruckArriving(FxRobot robot) throws TimeoutException {
        assertThat(robot.lookup("#dashboard").tryQuery()).isEmpty();
        OnScreen.await(robot, "#dashboard-toggle", 10);
        robot.clickOn("#dashboard-toggle");
        DashboardDto before = gate.as("supervisor").supervision().dashboard();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> String.valueOf(before.vehiclesWaiting())
                .equals(text(robot, "#vehicles-waiting")));
        assertThat(text(robot, "#congestion-level")).isEqualTo("Green · flowing");
        assertThat(text(robot, "#congestion-thresholds")).contains("Green < 500");
        assertThat(text(robot, "#dashboard-toggle")).isEqualTo("Station");
        long medicalBefore = pendingBar(robot, Step.MEDICAL_QUARANTINE);
        assertThat(medicalBefore).isGreaterThanOrEqualTo(0);

        gate.atTheYard(); // declared, transported and through vehicle control: waiting at the yard

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> String.valueOf(before.vehiclesWaiting() + 1)
                .equals(text(robot, "#vehicles-waiting")));
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> pendingBar(robot, Step.MEDICAL_QUARANTINE) == medicalBefore + 1);
        assertThat(text(robot, "#dashboard-updated")).startsWith("Updated ");

        robot.type(KeyCode.F12); // back to the station
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> robot.lookup("#dashboard").tryQuery().isEmpty());
        assertThat(text(robot, "#dashboard-toggle")).isEqualTo("Dashboard");
    }
}
