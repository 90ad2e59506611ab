package vn.bordergate.workstation.station;

import java.util.Map;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.workstation.text.Wording;

/**
 * One line under the action buttons saying what the officer can do on the step now, or why not, in the
 * officer's language (the workflow's own refusals are English, for logs and the API).
 */
final class StepHint {
    private StepHint() {}

    static String of(Wording words, Agency agency, CrossingDto shown, Map<Step, StepState> states, Step step) {
        if (agency == null) {
            return words.text("hint.noAgency");
        }
        if (step == null) {
            return shown.status().isOpen()
                    ? words.text("hint.notMine", words.agency(agency))
                    : words.text("hint.released");
        }
        StepState state = states.get(step);
        switch (state) {
            case HELD:
                return words.text("hint.held");
            case SKIPPED:
                return words.text("hint.skipped", step.number());
            case PASSED, REJECTED:
                return words.text("hint.decided", step.number(), words.state(state));
            default:
                break;
        }
        for (Step before : step.prerequisites()) {
            if (!states.get(before).isDone()) {
                return words.text("hint.waitFor", before.number(), words.step(before));
            }
        }
        for (Map.Entry<Step, StepState> other : states.entrySet()) {
            if (other.getValue() == StepState.HELD) {
                return words.text(
                        "hint.heldElsewhere",
                        words.agency(other.getKey().agency()),
                        other.getKey().number());
            }
        }
        return words.text("hint.ready");
    }
}
