package vn.bordergate.workstation.outbox;

import vn.bordergate.common.workflow.Outcome;

/** What an officer did to the own agency's step. */
public enum ActionKind {
    CONFIRM(Outcome.PASS),
    HOLD(Outcome.HOLD),
    REJECT(Outcome.REJECT),
    RELEASE_HOLD(null);

    private final Outcome outcome;

    ActionKind(Outcome outcome) {
        this.outcome = outcome;
    }

    /** The decision sent to the server; null for lifting a hold, which is not a decision. */
    public Outcome outcome() {
        return outcome;
    }

    public static ActionKind of(Outcome outcome) {
        return switch (outcome) {
            case PASS -> CONFIRM;
            case HOLD -> HOLD;
            case REJECT -> REJECT;
        };
    }
}
