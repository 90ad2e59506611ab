package vn.bordergate.workstation.barrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.workstation.barrier.GateBarrier.Position;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.support.DemoGate;
import vn.bordergate.workstation.support.Officers;
import vn.bordergate.workstation.support.UiThread;
import vn.bordergate.workstation.text.Wording;

/** "Open barrier" with the simulated barrier, without the FX toolkit. */
class BarrierViewModelTest {
    private final DemoGate gate = DemoGate.shared();
    private final UiThread ui = new UiThread();
    private final BackgroundWork work = new BackgroundWork(ui);
    /** Long enough that "already open" is still true when checked on a starved host, short for the test. */
    private final SimulatedBarrier barrier = new SimulatedBarrier(work, Duration.ofSeconds(8));

    private final SimpleObjectProperty<CrossingDto> shown = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<String> lane = new SimpleObjectProperty<>("L1");

    @AfterEach
    void stop() {
        work.close();
        ui.close();
    }

    private BarrierViewModel as(String officer) {
        GateSession session = Officers.session(gate, officer, work);
        return ui.call(() -> new BarrierViewModel(session, Wording.of(Wording.ENGLISH), barrier, ui, shown, lane));
    }

    private CrossingDto crossing(CrossingStatus status) {
        CrossingDto any = gate.as("customs").crossings(null, null, 1).get(0);
        return new CrossingDto(
                any.id(),
                any.declarationId(),
                any.declarationCode(),
                any.enterpriseId(),
                any.enterpriseName(),
                any.direction(),
                any.tractorPlate(),
                any.trailerPlate(),
                any.driverName(),
                any.perishable(),
                any.priority(),
                status,
                any.steps(),
                any.expectedArrival(),
                any.arrivedAt(),
                any.releasedAt(),
                any.returnDeadline(),
                any.returnedAt(),
                any.grossWeightKg(),
                any.yardCode(),
                any.version());
    }

    @Test
    void theBorderGuardOpensForAReleasedTruckAndTheBarrierClosesByItself() throws Exception {
        BarrierViewModel model = as("borderguard");
        CrossingDto released = crossing(CrossingStatus.RELEASED);
        ui.run(() -> shown.set(crossing(CrossingStatus.IN_PROGRESS)));
        assertThat(ui.call(() -> model.canOpen().get())).as("not released yet").isFalse();
        ui.run(() -> shown.set(released));
        assertThat(ui.call(() -> model.canOpen().get())).isTrue();

        ui.call(model::open).get(10, TimeUnit.SECONDS);
        ui.await(
                Duration.ofSeconds(5),
                () -> model.position().get() == Position.OPEN
                        || model.message().get().startsWith("Barrier of lane L1 opened"));
        assertThat(ui.call(() -> model.message().get()))
                .isEqualTo("Barrier of lane L1 opened for " + released.tractorPlate() + ".");
        assertThat(ui.call(() -> model.canOpen().get())).as("already open").isFalse();
        ui.await(Duration.ofSeconds(30), () -> model.position().get() == Position.CLOSED);
        assertThat(ui.call(() -> model.canOpen().get())).isTrue();
    }

    @Test
    void onlyTheBorderGuardAndTheGateBoardMayOpen() {
        ui.run(() -> shown.set(crossing(CrossingStatus.RELEASED)));
        assertThat(as("gate").officerMayOpen()).isTrue();
        BarrierViewModel medical = as("medical");
        assertThat(medical.officerMayOpen()).isFalse();
        assertThat(ui.call(() -> medical.canOpen().get())).isFalse();
        assertThat(as("customs").officerMayOpen()).isFalse();
    }
}
