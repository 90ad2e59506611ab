package vn.bordergate.server.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.client.GateEventStream;
import vn.bordergate.common.dto.AuditEntryDto;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.GateActionRequest;
import vn.bordergate.common.dto.PriorityRequest;
import vn.bordergate.common.event.CrossingChangedEvent;
import vn.bordergate.common.event.EventEnvelope;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.server.support.TestGate;

/** A supervisor gives a crossing priority: it goes first in every station's queue, with an audited reason. */
class PriorityApiTest {
    private final TestGate gate = TestGate.shared();

    @Test
    void aSupervisorPutsATruckOfDurianFirstAndEveryStationHearsOfIt() throws Exception {
        long id = gate.declare().crossingId();
        assertThat(gate.as("admin").crossing(id).priority())
                .as("the demo enterprise is a priority enterprise")
                .isTrue();
        long auditBefore = lastAuditId();
        CrossingDto taken = gate.as("supervisor")
                .supervision()
                .setPriority(id, new PriorityRequest(false, "hàng thường / ordinary goods"));
        assertThat(taken.priority()).isFalse();
        List<CrossingDto> ordinary = gate.as("customs").crossings(CrossingStatus.DECLARED, null, 1000);
        assertThat(ordinary.subList(indexOf(ordinary, id), ordinary.size()))
                .as("behind every priority crossing")
                .noneMatch(CrossingDto::priority);

        List<EventEnvelope> heard = new CopyOnWriteArrayList<>();
        try (GateEventStream stream = gate.as("customs").openEvents(null, new GateEventStream.Listener() {
            @Override
            public void onEvent(EventEnvelope envelope) {
                heard.add(envelope);
            }
        })) {
            CrossingDto given = gate.as("supervisor")
                    .supervision()
                    .setPriority(id, new PriorityRequest(true, "Sầu riêng chín, dễ hỏng / ripe durian"));

            assertThat(given.priority()).isTrue();
            assertThat(gate.as("customs").crossing(id).priority()).isTrue();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (heard.stream()
                    .noneMatch(e -> e.event() instanceof CrossingChangedEvent c
                            && c.crossing().id() == id
                            && c.crossing().priority())) {
                assertThat(Instant.now()).as("customs hears of the priority").isBefore(deadline);
                Thread.sleep(50);
            }
        }
        // the queue lists priority crossings first: none without priority comes before it
        List<CrossingDto> queue = gate.as("customs").crossings(CrossingStatus.DECLARED, null, 1000);
        int position = indexOf(queue, id);
        assertThat(position).as("in the queue").isNotNegative();
        assertThat(queue.subList(0, position)).allMatch(CrossingDto::priority);

        List<AuditEntryDto> audit = gate.as("supervisor").admin().audit(auditBefore, 1000);
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("PRIORITY_GIVEN");
            assertThat(e.entityId()).isEqualTo(Long.toString(id));
            assertThat(e.details()).contains("ripe durian");
            assertThat(e.actor()).isEqualTo("supervisor");
        });
    }

    @Test
    void refusalsSayWhy() {
        long id = gate.declare().crossingId();
        var supervisor = gate.as("supervisor");
        assertThat(status(() -> supervisor.supervision().setPriority(id, new PriorityRequest(true, " "))))
                .isEqualTo(400);
        assertThat(status(() -> supervisor.supervision().setPriority(id, new PriorityRequest(true, null))))
                .isEqualTo(400);
        assertThat(status(
                        () -> supervisor.supervision().setPriority(999_999_999L, new PriorityRequest(true, "durian"))))
                .isEqualTo(404);
        assertThat(status(() -> gate.as("customs").supervision().setPriority(id, new PriorityRequest(true, "durian"))))
                .isEqualTo(403);
        assertThat(status(() -> gate.as("admin").supervision().setPriority(id, new PriorityRequest(true, "durian"))))
                .isEqualTo(403);
        assertThat(status(() -> supervisor.supervision().setPriority(id, new PriorityRequest(true, "durian"))))
                .as("a priority enterprise's truck has it already")
                .isEqualTo(409);
        assertThat(gate.as("admin").crossing(id).priority()).isTrue();

        long released = gate.declare().crossingId();
        gate.passAll(released);
        gate.as("borderguard").release(released, new GateActionRequest(null));
        assertThat(status(() -> supervisor.supervision().setPriority(released, new PriorityRequest(false, "too late"))))
                .as("a released truck waits no more")
                .isEqualTo(409);
    }

    private long lastAuditId() {
        long last = 0;
        while (true) {
            List<AuditEntryDto> page = gate.as("supervisor").admin().audit(last, 1000);
            if (page.isEmpty()) {
                return last;
            }
            last = page.get(page.size() - 1).id();
        }
    }

    private static int indexOf(List<CrossingDto> crossings, long id) {
        for (int i = 0; i < crossings.size(); i++) {
            if (crossings.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    private static int status(Runnable call) {
        return TestGate.statusOf(call);
    }
}
