package vn.bordergate.workstation.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.connection.ConnectionState;
import vn.bordergate.workstation.connection.LiveEvents;
import vn.bordergate.workstation.support.DemoGate;
import vn.bordergate.workstation.support.Officers;
import vn.bordergate.workstation.support.UiThread;
import vn.bordergate.workstation.text.Wording;

/** The station's queue loaded from and kept current by a real gate server, without the FX toolkit. */
class StationViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private final DemoGate gate = DemoGate.shared();
    private final UiThread ui = new UiThread();
    private final BackgroundWork work = new BackgroundWork(ui);
    private StationViewModel station;
    private LiveEvents events;

    @BeforeEach
    void medicalStation() throws Exception {
        var session = Officers.session(gate, "medical", work);
        station = ui.call(() -> new StationViewModel(session, Wording.of(Wording.VIETNAMESE)));
        ui.call(station::load).get(20, TimeUnit.SECONDS);
        events = new LiveEvents(session, work, ui, station);
        events.start();
        ui.await(WAIT, () -> station.connection().state().get() == ConnectionState.CONNECTED);
    }

    @AfterEach
    void stop() {
        events.close();
        work.close();
        ui.close();
    }

    @Test
    void loadsTheWholeQueueAndCountsWhatWaitsForMedicalQuarantine() {
        int onServer = gate.as("medical").crossings(null, null, 1000).size();
        assertThat(ui.call(() -> station.queue().total().get())).isEqualTo(onServer);
        long waitingForMedical = gate.as("medical").crossings(null, null, 1000).stream()
                .filter(c ->
                        QueueFilter.actionableStep(c, station.session().agency().orElseThrow()) != null)
                .count();
        assertThat(ui.call(() -> station.queue().count(QueueScope.MINE).get()))
                .isEqualTo((int) waitingForMedical)
                .isPositive();
        assertThat(ui.call(() -> station.loadError().get())).isEmpty();
        assertThat(ui.call(() -> station.connection().text().get())).isEqualTo("Trực tuyến");
    }

    @Test
    void aVehicleAnotherOfficerLetInAppearsInMyQueueWithoutReload() {
        CrossingDto arrived = gate.atTheYard(); // customs and gate management decide through their own clients

        ui.await(WAIT, () -> station.queue()
                .byId(arrived.id())
                .map(c ->
                        QueueFilter.inScope(QueueScope.MINE, c, station.queue().agency()))
                .orElse(false));
        ui.run(() -> station.queue().search().set(arrived.tractorPlate().replaceAll("[^0-9A-Z]", "")));
        assertThat(ui.call(() ->
                        station.queue().rows().stream().map(CrossingDto::id).toList()))
                .containsExactly(arrived.id());
    }

    @Test
    void anotherAgencysDecisionUpdatesTheSelectedCrossingAndTheActivityList() {
        CrossingDto crossing = gate.atTheYard();
        // The crossing reaches the queue on its declaration's event; wait for the last pass before it is mine.
        ui.await(WAIT, () -> station.queue()
                .byId(crossing.id())
                .map(c ->
                        QueueFilter.inScope(QueueScope.MINE, c, station.queue().agency()))
                .orElse(false));
        ui.run(() -> station.select(station.queue().byId(crossing.id()).orElseThrow()));
        assertThat(ui.call(() -> station.crossing().canConfirm().get())).isTrue();

        gate.decide(crossing.id(), Step.BORDER_CONTROL, Outcome.HOLD, "Niêm phong bị rách");

        ui.await(WAIT, () -> !station.crossing().canConfirm().get());
        assertThat(ui.call(() -> station.crossing().steps().stream()
                        .filter(l -> l.status().step() == Step.BORDER_CONTROL)
                        .findFirst()
                        .orElseThrow()
                        .status()
                        .state()))
                .isEqualTo(StepState.HELD);
        ui.await(
                WAIT,
                () -> !station.activity().isEmpty() && station.activity().get(0).crossingId() == crossing.id());
        assertThat(ui.call(() -> station.activity().get(0).step().state())).isEqualTo(StepState.HELD);
    }
}
