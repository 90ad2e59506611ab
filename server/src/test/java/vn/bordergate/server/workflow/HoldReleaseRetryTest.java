package vn.bordergate.server.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.dto.AuditEntryDto;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.HoldReleaseRequest;
import vn.bordergate.common.dto.StepDecisionRequest;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.support.TestGate;

/**
 * A workstation's outbox retries a hold release whose answer was lost: with the same key it gets the
 * first answer again, not "step is not held", and the hold is lifted once in the audit log.
 */
class HoldReleaseRetryTest {
    private final TestGate gate = TestGate.shared();

    /** How many times the audit log says a hold on the crossing was lifted (read page by page). */
    private long releasesOf(long id) {
        long count = 0;
        long after = 0;
        while (true) {
            List<AuditEntryDto> page = gate.as("supervisor").admin().audit(after, 1000);
            if (page.isEmpty()) {
                return count;
            }
            count += page.stream()
                    .filter(e -> "crossing".equals(e.entityType())
                            && String.valueOf(id).equals(e.entityId()))
                    .filter(e -> e.action().equals("STEP_HOLD_RELEASED"))
                    .count();
            after = page.get(page.size() - 1).id();
        }
    }

    @Test
    void aRetriedReleaseWithTheSameKeyIsAnsweredOnceAndAppliedOnce() {
        long id = gate.declare().crossingId();
        gate.advanceTo(id, Step.MEDICAL_QUARANTINE);
        GateClient medical = gate.as("medical");
        medical.decideStep(id, Step.MEDICAL_QUARANTINE, new StepDecisionRequest(Outcome.HOLD, "Sốt 38,6 °C", null));
        String key = UUID.randomUUID().toString();
        HoldReleaseRequest release = new HoldReleaseRequest("Đo lại 36,9 °C", null);

        CrossingDto first = medical.releaseHold(id, Step.MEDICAL_QUARANTINE, release, key);
        CrossingDto retried = medical.releaseHold(id, Step.MEDICAL_QUARANTINE, release, key);

        assertThat(TestGate.state(first, Step.MEDICAL_QUARANTINE)).isEqualTo(StepState.PENDING);
        assertThat(retried).isEqualTo(first);
        assertThat(releasesOf(id)).isEqualTo(1);
        assertThat(TestGate.statusOf(() -> medical.releaseHold(
                        id, Step.MEDICAL_QUARANTINE, release, UUID.randomUUID().toString())))
                .as("a new key is a new request: the step is no longer held")
                .isEqualTo(409);
    }
}
