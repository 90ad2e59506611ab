package vn.bordergate.workstation.outbox;

import java.time.Instant;
import java.util.Optional;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.StepStatusDto;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.StepState;

/**
 * Why a queued action was not applied, with what the crossing looks like now, so the officer can read
 * what changed and decide: discard the action or do it again over the new state.
 *
 * @param status the server's HTTP status, 0 when the workstation saw the change itself before sending
 * @param serverMessage the server's sentence, null when it was not asked
 * @param nowVersion, nowStatus, nowState, nowOfficer, nowAt the crossing and the step as they are now
 *     (unknown when the crossing could not be fetched: null, and version -1)
 */
public record ActionProblem(
        int status,
        String serverMessage,
        long nowVersion,
        CrossingStatus nowStatus,
        StepState nowState,
        String nowOfficer,
        Instant nowAt) {

    /**
     * A change that makes the action stale: the step is no longer as the officer saw it, or the crossing
     * is closed. Other agencies deciding their own steps meanwhile is normal and does not count.
     */
    static Optional<ActionProblem> changedSince(OutboxAction action, CrossingDto now) {
        if (now.version() == action.seenVersion()) {
            return Optional.empty();
        }
        StepState state = OutboxAction.stateOf(now, action.step());
        if (state != action.seenState() || !now.status().isOpen()) {
            return Optional.of(of(0, null, now, action));
        }
        return Optional.empty();
    }

    /** The server refused; {@code now} may be null when the crossing could not be fetched. */
    static ActionProblem of(int status, String serverMessage, CrossingDto now, OutboxAction action) {
        if (now == null) {
            return new ActionProblem(status, serverMessage, -1, null, null, null, null);
        }
        StepStatusDto step = now.steps().stream()
                .filter(s -> s.step() == action.step())
                .findFirst()
                .orElse(null);
        return new ActionProblem(
                status,
                serverMessage,
                now.version(),
                now.status(),
                step == null ? null : step.state(),
                step == null ? null : step.officer(),
                step == null ? null : step.decidedAt());
    }
}
