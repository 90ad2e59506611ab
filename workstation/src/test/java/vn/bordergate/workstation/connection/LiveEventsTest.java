package vn.bordergate.workstation.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.event.CrossingChangedEvent;
import vn.bordergate.common.event.EventEnvelope;
import vn.bordergate.common.event.GateEvent;
import vn.bordergate.common.event.StepConfirmedEvent;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.workstation.support.Crossings;
import vn.bordergate.workstation.support.DemoGate;
import vn.bordergate.workstation.support.UiThread;

/** The event adapter reconnects on its own when the gate server goes away and comes back. */
class LiveEventsTest {
    @Test
    void retriesWaitLongerEachTimeUpToFifteenSeconds() {
        assertThat(RetryDelay.after(1)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1200));
        assertThat(RetryDelay.after(2)).isBetween(Duration.ofMillis(1600), Duration.ofMillis(2400));
        assertThat(RetryDelay.after(4)).isBetween(Duration.ofMillis(6400), Duration.ofMillis(9600));
        assertThat(RetryDelay.after(50)).isBetween(Duration.ofSeconds(12), Duration.ofSeconds(18));
    }

    @Test
    void aBurstKeepsItsOrderAndOnlyTheLatestChangeOfEachCrossing() {
        CrossingDto a = Crossings.at(1, "20C-111.11", Direction.EXPORT, null, Map.of());
        CrossingDto b = Crossings.at(2, "20C-222.22", Direction.EXPORT, null, Map.of());
        StepConfirmedEvent decided =
                new StepConfirmedEvent(1, "20C-111.11", a.steps().get(0));
        List<EventBurst.Arrival> burst = List.of(
                arrival(new CrossingChangedEvent(a)),
                arrival(new CrossingChangedEvent(b)),
                arrival(decided),
                arrival(new CrossingChangedEvent(Crossings.withVersion(a, 2, "x"))),
                arrival(new CrossingChangedEvent(Crossings.withVersion(a, 3, "y"))));

        List<GateEvent> kept = EventBurst.latestOnly(burst);

        assertThat(kept)
                .containsExactly(
                        new CrossingChangedEvent(b),
                        decided,
                        new CrossingChangedEvent(Crossings.withVersion(a, 3, "y")));
    }

    private static EventBurst.Arrival arrival(GateEvent event) {
        return new EventBurst.Arrival(new EventEnvelope(1, Instant.now(), event), System.nanoTime());
    }

    @Test
    void reconnectsAfterTheServerComesBackAndEventsFlowAgain() {
        DemoGate gate = DemoGate.start();
        DemoGate restarted = null;
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        List<GateEvent> events = new CopyOnWriteArrayList<>();
        try (UiThread ui = new UiThread();
                BackgroundWork work = new BackgroundWork(ui)) {
            GateSession session = GateSession.open(gate.uri(), "medical", DemoGate.PASSWORD, work);
            // health asked every second here: a server stopped mid-stream may leave the socket open
            LiveEvents live = new LiveEvents(
                    session,
                    work,
                    ui,
                    new LiveEvents.Observer() {
                        @Override
                        public void onEvent(GateEvent event) {
                            events.add(event);
                        }

                        @Override
                        public void onConnection(ConnectionState state, Duration retryIn) {
                            states.add(state);
                        }
                    },
                    Duration.ofSeconds(1));
            live.start();
            ui.await(Duration.ofSeconds(10), () -> states.contains(ConnectionState.CONNECTED));

            int port = gate.server().port();
            gate.close();
            ui.await(Duration.ofSeconds(10), () -> states.contains(ConnectionState.RECONNECTING));

            restarted = gate.restart(port);
            // the retry delay grows to 15 s (±20 %) while the gate is away, and a loaded host restarts slowly
            ui.await(Duration.ofSeconds(60), () -> states.get(states.size() - 1) == ConnectionState.CONNECTED);
            assertThat(states)
                    .containsSubsequence(
                            ConnectionState.CONNECTING,
                            ConnectionState.CONNECTED,
                            ConnectionState.RECONNECTING,
                            ConnectionState.CONNECTED);

            // the socket counts as connected a moment before the server has subscribed it
            DemoGate back = restarted;
            ui.await(Duration.ofSeconds(30), () -> back.server().eventSubscribers() >= 1);
            events.clear();
            restarted.declare(DemoGate.uniquePlate());
            ui.await(Duration.ofSeconds(10), () -> events.stream().anyMatch(e -> e instanceof CrossingChangedEvent));

            live.close();
            ui.await(Duration.ofSeconds(5), () -> states.get(states.size() - 1) == ConnectionState.CLOSED);
        } finally {
            if (restarted != null) {
                restarted.close();
            }
        }
    }
}
