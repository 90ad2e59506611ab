package vn.bordergate.common.workflow;

/** The agencies working at a joint control station of the gate. */
public enum Agency {
    CUSTOMS,
    BORDER_GUARD,
    MEDICAL_QUARANTINE,
    PLANT_ANIMAL_QUARANTINE,
    GATE_MANAGEMENT,
    FEE_COLLECTION
}
