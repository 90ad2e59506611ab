package vn.bordergate.workstation.station;

import java.util.Map;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.CrossingWorkflow;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;

/**
 * The workflow as the officer's agency meets it on a crossing: which of its steps the detail acts on, and
 * what the server's rules let it do there (so no button offers what the server would refuse).
 */
final class AgencySteps {
    private final Agency agency;

    /** {@code agency} is null for an account without one: it then has no steps. */
    AgencySteps(Agency agency) {
        this.agency = agency;
    }

    /** The step to act on for {@code shown}: the one open for the agency now, else its first not skipped. */
    Step targetFor(CrossingDto shown) {
        Step next = shown == null ? null : QueueFilter.actionableStep(shown, agency);
        return next != null ? next : firstOwnStep(shown);
    }

    boolean actionable(CrossingDto shown, Step step) {
        if (step == null) {
            return false;
        }
        Map<Step, StepState> states = QueueFilter.states(shown);
        return states.get(step) == StepState.HELD || allowed(states, step, Outcome.HOLD);
    }

    private Step firstOwnStep(CrossingDto shown) {
        if (shown == null || agency == null) {
            return null;
        }
        Map<Step, StepState> states = QueueFilter.states(shown);
        for (Step step : Step.values()) {
            if (step.agency() == agency && states.get(step) != StepState.SKIPPED) {
                return step;
            }
        }
        return null;
    }

    boolean allowed(Map<Step, StepState> states, Step step, Outcome outcome) {
        return CrossingWorkflow.refusal(states, step, agency, outcome).isEmpty();
    }
}
