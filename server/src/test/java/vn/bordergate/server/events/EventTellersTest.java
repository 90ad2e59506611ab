package vn.bordergate.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.client.GateEventStream;
import vn.bordergate.common.event.CameraStatusEvent;
import vn.bordergate.common.event.CameraStatusEvent.CameraState;
import vn.bordergate.common.event.EventEnvelope;
import vn.bordergate.server.support.TestGate;

/**
 * Workstations are shared out among the hub's {@link EventTeller}s, which write to their sockets at the same time:
 * each workstation must still get every event once, in sequence, whichever teller writes to it (real server, real
 * WebSocket clients).
 */
class EventTellersTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final int WORKSTATIONS = 6;
    private static final int BURST = 2_000;
    private static final int PART = 1_000;

    private final TestGate gate = TestGate.shared();
    private final List<GateEventStream> open = new ArrayList<>();

    /** Every envelope one workstation received, in arrival order. */
    private static final class Inbox implements GateEventStream.Listener {
        final List<EventEnvelope> received = new CopyOnWriteArrayList<>();
        final List<Throwable> errors = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(EventEnvelope envelope) {
            received.add(envelope);
        }

        @Override
        public void onError(Throwable error) {
            errors.add(error);
        }

        long ours(String camera) {
            return received.stream()
                    .filter(e -> e.event() instanceof CameraStatusEvent c
                            && c.cameraCode().equals(camera))
                    .count();
        }
    }

    @AfterEach
    void close() {
        open.forEach(GateEventStream::close);
    }

    @Test
    void everyWorkstationGetsEveryEventInOrderWhicheverTellerWritesToIt() {
        EventHub hub = (EventHub) gate.server().events();
        int before = gate.server().eventSubscribers();
        List<Inbox> inboxes = new ArrayList<>();
        for (int i = 0; i < WORKSTATIONS; i++) {
            Inbox inbox = new Inbox();
            GateEventStream stream = gate.as("customs").openEvents(null, inbox);
            open.add(stream);
            inboxes.add(inbox);
        }
        awaitTrue(() -> gate.server().eventSubscribers() >= before + WORKSTATIONS, "the workstations subscribed");
        assertThat(Arrays.stream(hub.shares()).boxed().toList())
                .as("subscribers per teller: new workstations go to the least busy")
                .hasSize(EventHub.TELLERS)
                .allSatisfy(share -> assertThat(share).isPositive());

        String camera = "CAM-TELLERS-" + System.nanoTime();
        // parts well under the server's lag bound (2,048 events): a CPU-starved workstation that far behind is
        // dropped by design, and other events of the shared gate count towards it too
        for (int part = 0; part < BURST / PART; part++) {
            for (int i = part * PART; i < (part + 1) * PART; i++) {
                gate.server().events().publish(new CameraStatusEvent(camera, CameraState.STREAMING, i, null));
            }
            long sent = (part + 1L) * PART;
            for (Inbox inbox : inboxes) {
                awaitTrue(() -> inbox.ours(camera) >= sent, "a workstation got " + inbox.ours(camera) + " of " + sent);
            }
        }
        for (Inbox inbox : inboxes) {
            assertThat(inbox.ours(camera))
                    .as("events of the burst at a workstation")
                    .isEqualTo(BURST);
        }
        for (Inbox inbox : inboxes) {
            long[] seqs = inbox.received.stream().mapToLong(EventEnvelope::seq).toArray();
            // every event goes to every workstation: from its first envelope on, none missing, none twice
            assertThat(seqs)
                    .as("sequence numbers one workstation received")
                    .containsExactly(
                            LongStream.range(seqs[0], seqs[0] + seqs.length).toArray());
            assertThat(inbox.received.stream()
                            .filter(e -> e.event() instanceof CameraStatusEvent c
                                    && c.cameraCode().equals(camera))
                            .mapToDouble(e -> ((CameraStatusEvent) e.event()).fps())
                            .toArray())
                    .as("the burst in the order published")
                    .containsExactly(LongStream.range(0, BURST).asDoubleStream().toArray());
            assertThat(inbox.errors).isEmpty();
        }
        assertThat(Arrays.stream(hub.shares()).sum()).isGreaterThanOrEqualTo(before + WORKSTATIONS);
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(LIMIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " within " + LIMIT);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
