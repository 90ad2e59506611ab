package vn.bordergate.workstation.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ListView;
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
import vn.bordergate.common.dto.NewPlateReadRequest;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.workstation.support.DemoGate;
import vn.bordergate.workstation.support.FxRunner;
import vn.bordergate.workstation.support.OnScreen;
import vn.bordergate.workstation.support.ScreenText;
import vn.bordergate.workstation.support.WorkstationStage;
import vn.bordergate.workstation.text.Wording;

/**
 * The gate management officer's station (headless under Monocle, a real gate): plate reads arriving,
 * correcting a misread plate, calling the next vehicle.
 */
@ExtendWith(ApplicationExtension.class)
class GateStationViewTest {
    private static DemoGate gate;
    private WorkstationStage workstation;

    @BeforeAll
    static void gate() {
        gate = DemoGate.shared();
    }

    @Start
    void start(Stage stage) {
        workstation = new WorkstationStage(stage, gate, Wording.ENGLISH);
        workstation.signInAs("gate");
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
    private static ListView<PlateReadDto> reads(FxRobot robot) {
        return robot.lookup("#plate-reads").queryAs(ListView.class);
    }

    private static PlateReadDto cameraReads(String text) {
        String camera = gate.as("admin").anpr().cameras().get(0).code();
        return gate.as("camera").anpr().postPlateRead(new NewPlateReadRequest(camera, Instant.now(), text, 0.91, null));
    }

    @Test
    void aPlateReadArrivingShowsInTheListAndMovesTheTruckInTheQueue(FxRobot robot) throws TimeoutException {
        CrossingDto truck = gate.declare(DemoGate.uniquePlate());
        gate.pass(truck.id(), Step.DECLARATION); // customs accepted it: the camera's read lets it in
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> FxRunner.call(() ->
                        workstation.window().station().queue().byId(truck.id()).isPresent()));

        PlateReadDto read = cameraReads(truck.tractorPlate());

        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> FxRunner.call(() -> !reads(robot).getItems().isEmpty()
                        && reads(robot).getItems().get(0).id() == read.id()));
        assertThat(ScreenText.of(robot, "#read-state-" + read.id())).isEqualTo("Matched #" + truck.id());
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> FxRunner.call(() -> {
                    CrossingDto row = workstation
                            .window()
                            .station()
                            .queue()
                            .byId(truck.id())
                            .orElseThrow();
                    return row.arrivedAt() != null
                            && row.steps().stream()
                                    .anyMatch(s -> s.step() == Step.TRANSPORT && s.state() == StepState.PASSED);
                }));
    }

    @Test
    void correctingAMisreadPlateRematchesIt(FxRobot robot) throws TimeoutException {
        CrossingDto truck = gate.declare(DemoGate.uniquePlate());
        PlateReadDto misread = cameraReads("96W-666.66");
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> FxRunner.call(() -> reads(robot).getItems().stream().anyMatch(r -> r.id() == misread.id())));
        // the read is in the list's items; its cell is drawn in a later pulse
        OnScreen.await(robot, "#read-state-" + misread.id(), 10);
        assertThat(ScreenText.of(robot, "#read-state-" + misread.id())).startsWith("Needs officer");

        robot.clickOn("#read-state-" + misread.id());
        robot.type(KeyCode.F8); // the cursor goes to the correction, the read's text selected
        robot.write(truck.tractorPlate()).type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ScreenText.of(robot, "#plate-result")
                .equals("Corrected to " + truck.tractorPlate() + ": matched trip #" + truck.id() + "."));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> ScreenText.of(robot, "#read-state-" + misread.id())
                .equals("Corrected #" + truck.id()));
        assertThat(gate.as("admin").anpr().plateReads(1000).stream().filter(r -> r.id() == misread.id()))
                .singleElement()
                .satisfies(r -> assertThat(r.correctedBy()).isEqualTo("gate"));
    }

    @Test
    void f6CallsTheNextVehicleAndEveryStationSeesTheCall(FxRobot robot) throws TimeoutException {
        gate.atTheYard(); // at least one truck waits
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> FxRunner.call(
                        () -> workstation.window().station().calls().canCall().get()));

        robot.type(KeyCode.F6);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ScreenText.of(robot, "#lane-message")
                .startsWith("Called "));
        CrossingDto called = FxRunner.call(
                () -> workstation.window().station().crossing().crossing().get());
        String lane = FxRunner.call(
                () -> workstation.window().station().calls().lane().get().code());
        assertThat(ScreenText.of(robot, "#lane-message"))
                .isEqualTo("Called " + called.tractorPlate() + " to lane " + lane + ".");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> ScreenText.of(robot, "#last-call")
                .startsWith("Lane " + lane + " calls " + called.tractorPlate()));
        assertThat(ScreenText.of(robot, "#detail-plate")).isEqualTo(called.tractorPlate());
    }
}
