package vn.bordergate.common.workflow;

/** What an officer decides on a step. */
public enum Outcome {
    PASS,
    HOLD,
    REJECT
}
