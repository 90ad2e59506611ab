package vn.bordergate.common.dto;

/** Fees charged at the gate. */
public enum FeeKind {
    INFRASTRUCTURE,
    YARD_SERVICE,
    QUARANTINE_SERVICE,
    WEIGHING
}
