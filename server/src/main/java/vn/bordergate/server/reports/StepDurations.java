package vn.bordergate.server.reports;

import vn.bordergate.common.workflow.Step;

/**
 * When a step could start: its prerequisite passed (for the declaration, its submission). A step's time runs
 * from then to its decision, holds included ({@link RawFigures}).
 */
final class StepDurations {
    private StepDurations() {}

    /** The step whose passing lets {@code step} start (steps 4–8 all start after vehicle control). */
    static Step prerequisite(Step step) {
        return switch (step) {
            case DECLARATION -> Step.DECLARATION;
            case TRANSPORT -> Step.DECLARATION;
            case VEHICLE_CONTROL -> Step.TRANSPORT;
            default -> Step.VEHICLE_CONTROL;
        };
    }
}
