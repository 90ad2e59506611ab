package vn.bordergate.common.workflow;

/** Where one step of one crossing stands. */
public enum StepState {
    PENDING,
    PASSED,
    HELD,
    REJECTED,
    /** The step does not apply to this crossing (for example no quarantine for goods that need none). */
    SKIPPED;

    /** A step that lets the vehicle go on. */
    public boolean isDone() {
        return this == PASSED || this == SKIPPED;
    }
}
