package vn.bordergate.workstation.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.CongestionThresholds;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DashboardDto;
import vn.bordergate.common.dto.DashboardDto.StepBacklog;
import vn.bordergate.common.dto.YardWaitingDto;
import vn.bordergate.common.event.PlateReadEvent;
import vn.bordergate.common.event.QueueChangedEvent;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.support.DemoGate;
import vn.bordergate.workstation.support.Officers;
import vn.bordergate.workstation.support.UiThread;
import vn.bordergate.workstation.text.Wording;

/** The dashboard's figures and how often it asks for them, against a real gate, without the FX toolkit. */
class DashboardViewModelTest {
    private final DemoGate gate = DemoGate.shared();
    private final UiThread ui = new UiThread();
    private final BackgroundWork work = new BackgroundWork(ui);
    private final ManualTime time = new ManualTime();

    @AfterEach
    void stop() {
        work.close();
        ui.close();
    }

    /** A clock moved by hand and the delayed work it would run, run by hand. */
    static final class ManualTime implements InstantSource, DashboardViewModel.Later {
        Instant now = Instant.parse("2026-04-01T03:00:00Z");
        final List<Duration> delays = new ArrayList<>();
        final List<Runnable> pending = new ArrayList<>();

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public void after(Duration delay, Runnable work) {
            delays.add(delay);
            pending.add(work);
        }

        void runPending() {
            List<Runnable> due = new ArrayList<>(pending);
            pending.clear();
            due.forEach(Runnable::run);
        }
    }

    private DashboardViewModel supervisor() {
        GateSession session = Officers.session(gate, "supervisor", work);
        return ui.call(() -> new DashboardViewModel(session, Wording.of(Wording.ENGLISH), time, time));
    }

    private static final QueueChangedEvent QUEUE_MOVED = new QueueChangedEvent(null);

    @Test
    void onlyTheShiftSupervisorGetsTheDashboard() {
        assertThat(DashboardViewModel.isFor(Officers.session(gate, "supervisor", work)))
                .isTrue();
        assertThat(DashboardViewModel.isFor(Officers.session(gate, "gate", work)))
                .isFalse();
        assertThat(DashboardViewModel.isFor(Officers.session(gate, "admin", work)))
                .isFalse();
        assertThat(Officers.session(gate, "supervisor", work).role()).isEqualTo(Role.SUPERVISOR);
    }

    @Test
    void aLoadShowsTheGatesFigures() throws Exception {
        DashboardViewModel dashboard = supervisor();
        ui.call(dashboard::load).get(20, TimeUnit.SECONDS);
        DashboardDto server = gate.as("supervisor").supervision().dashboard();

        assertThat(ui.call(() -> dashboard.error().get())).isEmpty();
        assertThat(ui.call(() -> dashboard.waiting().get())).isEqualTo(server.vehiclesWaiting());
        assertThat(ui.call(() -> dashboard.congestion().get())).isEqualTo(server.congestion());
        assertThat(ui.call(() -> List.copyOf(dashboard.yards()))).isEqualTo(server.yards());
        assertThat(ui.call(() -> dashboard.throughput().size())).isEqualTo(24);
        assertThat(ui.call(() ->
                        dashboard.backlog().stream().map(StepBacklog::step).toList()))
                .containsExactly(Step.values());
        assertThat(ui.call(dashboard::thresholdText))
                .isEqualTo("Green < 500 · yellow 500–1,000 · orange to 5,000 · red > 5,000 vehicles");
        assertThat(ui.call(() -> dashboard.updated().get())).startsWith("Updated ");
        assertThat(ui.call(() -> dashboard.gateName().get())).isEqualTo("Huu Nghi border gate");
        long inYards =
                server.yards().stream().mapToLong(YardWaitingDto::waiting).sum();
        assertThat(ui.call(dashboard::notInAYard)).isEqualTo(server.vehiclesWaiting() - inYards);
        assertThat(server.thresholds()).isEqualTo(CongestionThresholds.NATIONAL_SINGLE_WINDOW);
    }

    @Test
    void aBurstOfEventsMakesOneMoreSnapshotASecondLater() throws Exception {
        DashboardViewModel dashboard = supervisor();
        ui.call(dashboard::load).get(20, TimeUnit.SECONDS);
        long shown = ui.call(() -> dashboard.snapshots().get());
        long waitingBefore = ui.call(() -> dashboard.waiting().get());

        CrossingDto truck = gate.atTheYard(); // arrived: one more vehicle waits
        time.now = time.now.plusMillis(300);
        ui.run(() -> {
            for (int i = 0; i < 20; i++) {
                dashboard.onEvent(QUEUE_MOVED);
            }
        });
        assertThat(time.delays).as("one refresh put off, not twenty").containsExactly(Duration.ofMillis(700));
        assertThat(ui.call(() -> dashboard.snapshots().get()))
                .as("nothing asked yet")
                .isEqualTo(shown);

        time.now = time.now.plusMillis(700);
        ui.run(time::runPending);
        ui.await(Duration.ofSeconds(20), () -> dashboard.snapshots().get() == shown + 1);
        assertThat(ui.call(() -> dashboard.waiting().get())).isEqualTo(waitingBefore + 1);
        assertThat(ui.call(() -> backlog(dashboard, Step.MEDICAL_QUARANTINE).pending()))
                .isPositive();
        assertThat(truck.id()).isPositive();
        assertThat(time.pending).as("no further refresh queued").isEmpty();
    }

    @Test
    void eventsWhileASnapshotIsOnItsWayAskOnceMoreAfterIt() throws Exception {
        DashboardViewModel dashboard = supervisor();
        var first = ui.call(dashboard::load);
        ui.run(() -> dashboard.onEvent(QUEUE_MOVED)); // asked before the answer came
        ui.run(() -> dashboard.onEvent(QUEUE_MOVED));
        first.get(20, TimeUnit.SECONDS);
        // the stale figures are asked for again, a second after the first ask at the earliest
        ui.await(Duration.ofSeconds(5), () -> time.pending.size() == 1);
        assertThat(time.delays).containsExactly(Duration.ofSeconds(1));
        long shown = ui.call(() -> dashboard.snapshots().get());
        time.now = time.now.plusSeconds(1);
        ui.run(time::runPending);
        ui.await(Duration.ofSeconds(20), () -> dashboard.snapshots().get() == shown + 1);
    }

    @Test
    void eventsThatChangeNoFigureAskForNothing() throws Exception {
        DashboardViewModel dashboard = supervisor();
        ui.call(dashboard::load).get(20, TimeUnit.SECONDS);
        time.now = time.now.plusSeconds(5);
        ui.run(() -> dashboard.onEvent(new PlateReadEvent(null)));
        assertThat(time.pending).isEmpty();
        assertThat(ui.call(() -> dashboard.snapshots().get())).isEqualTo(1);
    }

    @Test
    void aYardFillsFromZeroToFull() {
        assertThat(DashboardViewModel.fill(new YardWaitingDto("A", "A", 0, 100)))
                .isZero();
        assertThat(DashboardViewModel.fill(new YardWaitingDto("A", "A", 45, 100)))
                .isEqualTo(0.45);
        assertThat(DashboardViewModel.fill(new YardWaitingDto("A", "A", 130, 100)))
                .isEqualTo(1.0);
        assertThat(DashboardViewModel.fill(new YardWaitingDto("A", "A", 3, 0))).isEqualTo(1.0);
    }

    private static StepBacklog backlog(DashboardViewModel d, Step step) {
        return d.backlog().stream().filter(b -> b.step() == step).findFirst().orElseThrow();
    }
}
