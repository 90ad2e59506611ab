package vn.bordergate.common.workflow;

/** Where a vehicle's passage through the gate stands as a whole. */
public enum CrossingStatus {
    /** Declared, waiting for customs to accept the declaration. */
    DECLARED,
    /** The declaration was rejected; the enterprise may correct it and resubmit. */
    DECLARATION_REJECTED,
    /** Accepted, the vehicle is on its way to the gate. */
    EN_ROUTE,
    /** At the gate, steps in progress. */
    IN_PROGRESS,
    /** An agency holds it: nothing moves until that agency releases its hold. */
    HELD,
    /** Every required step has passed: waiting for the barrier. */
    READY_TO_RELEASE,
    /** Released across the border. */
    RELEASED,
    /** Refused at a step after arrival: the vehicle is sent back. */
    TURNED_BACK,
    /** Withdrawn by the enterprise before arrival. */
    CANCELLED;

    /** A vehicle trip that is still open: its plate can't be declared for another trip. */
    public boolean isOpen() {
        return this != RELEASED && this != TURNED_BACK && this != CANCELLED;
    }
}
