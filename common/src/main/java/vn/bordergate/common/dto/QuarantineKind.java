package vn.bordergate.common.dto;

/** Which quarantine a goods line needs. */
public enum QuarantineKind {
    NONE,
    PLANT,
    ANIMAL,
    FOOD
}
