package vn.bordergate.workstation.outbox;

import java.time.Instant;
import java.util.UUID;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.StepStatusDto;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;

/**
 * One officer action waiting for the gate server, as it is kept on disk.
 *
 * @param key the {@code Idempotency-Key}, made when the officer pressed the key: every retry sends it again,
 *     so the server applies the action once however often the answer is lost
 * @param seenVersion, seenState the crossing version and the step's state the officer saw when acting: if
 *     the step is no longer in that state when the action goes out, someone else decided meanwhile and the
 *     officer is asked instead of the action being applied over it
 */
public record OutboxAction(
        String key,
        String username,
        long crossingId,
        String plate,
        Step step,
        ActionKind kind,
        String reason,
        String stationCode,
        long seenVersion,
        StepState seenState,
        Instant queuedAt) {

    /** The action on {@code step} of the crossing as the officer sees it now, with a fresh key. */
    public static OutboxAction on(
            CrossingDto seen, Step step, ActionKind kind, String reason, String username, String stationCode) {
        return new OutboxAction(
                UUID.randomUUID().toString(),
                username,
                seen.id(),
                seen.tractorPlate(),
                step,
                kind,
                reason,
                stationCode,
                seen.version(),
                stateOf(seen, step),
                Instant.now());
    }

    /** The same intention again, against the crossing as it is now (the officer read the conflict). */
    public OutboxAction redoneOver(long version, StepState state) {
        return new OutboxAction(
                UUID.randomUUID().toString(),
                username,
                crossingId,
                plate,
                step,
                kind,
                reason,
                stationCode,
                version,
                state,
                Instant.now());
    }

    static StepState stateOf(CrossingDto crossing, Step step) {
        return crossing.steps().stream()
                .filter(s -> s.step() == step)
                .map(StepStatusDto::state)
                .findFirst()
                .orElse(null);
    }
}
