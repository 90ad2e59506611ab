package vn.bordergate.workstation.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.event.VehicleCalledEvent;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.support.DemoGate;
import vn.bordergate.workstation.support.Officers;
import vn.bordergate.workstation.support.UiThread;
import vn.bordergate.workstation.text.Wording;

/** Calling the next vehicle from the yard, against a real gate, without the FX toolkit. */
class CallNextViewModelTest {
    private final DemoGate gate = DemoGate.shared();
    private final UiThread ui = new UiThread();
    private final BackgroundWork work = new BackgroundWork(ui);
    private final List<CrossingDto> called = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        work.close();
        ui.close();
    }

    private CallNextViewModel as(String officer) throws Exception {
        GateSession session = Officers.session(gate, officer, work);
        CallNextViewModel calls =
                ui.call(() -> new CallNextViewModel(session, Wording.of(Wording.ENGLISH), called::add));
        ui.call(calls::load).get(10, TimeUnit.SECONDS);
        return calls;
    }

    @Test
    void aGateOfficerCallsAWaitingTruckToTheChosenLane() throws Exception {
        gate.atTheYard(); // at least one truck waits
        CallNextViewModel calls = as("gate");
        assertThat(calls.mayCall()).isTrue();
        assertThat(ui.call(() -> calls.lanes().size())).isPositive();
        ui.run(() -> calls.lane()
                .set(calls.lanes().stream()
                        .filter(l -> l.code().equals("L1"))
                        .findFirst()
                        .orElseThrow()));
        assertThat(ui.call(() -> calls.canCall().get())).isTrue();

        ui.call(calls::callNext).get(10, TimeUnit.SECONDS);

        assertThat(ui.call(() -> calls.error().get())).isEmpty();
        assertThat(called).hasSize(1);
        CrossingDto truck = called.get(0);
        assertThat(truck.status()).isEqualTo(CrossingStatus.IN_PROGRESS);
        assertThat(truck.arrivedAt()).isNotNull();
        assertThat(ui.call(() -> calls.message().get())).isEqualTo("Called " + truck.tractorPlate() + " to lane L1.");
    }

    @Test
    void everyStationShowsTheLastCallButOnlyTheGateBoardMayCall() throws Exception {
        CallNextViewModel calls = as("medical");
        assertThat(calls.mayCall()).isFalse();
        assertThat(ui.call(() -> calls.canCall().get())).isFalse();
        ui.call(calls::callNext).get(10, TimeUnit.SECONDS);
        assertThat(called).isEmpty();

        ui.run(() ->
                calls.onCalled(new VehicleCalledEvent("L3", "Làn 3", 42, "15C-123.45", null, Instant.now(), "gate")));
        assertThat(ui.call(() -> calls.lastCall().get())).startsWith("Lane L3 calls 15C-123.45 · ");
    }
}
