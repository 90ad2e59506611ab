package vn.bordergate.workstation.station;

/** The slices of the queue an officer switches between; each shows its count. */
public enum QueueScope {
    /** Vehicles with a step of the officer's agency that the officer can decide now (or lift a hold on). */
    MINE,
    /** At the gate and not yet across: in inspection, held or ready to cross. */
    AT_GATE,
    /** Held by some agency. */
    HELD,
    /** Declared, on the way, or sent back to the enterprise to correct its declaration. */
    ARRIVING,
    /** Crossed, turned back or cancelled. */
    DONE,
    ALL
}
