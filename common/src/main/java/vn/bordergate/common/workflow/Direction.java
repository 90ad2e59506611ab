package vn.bordergate.common.workflow;

/** What a declared trip does at the gate. */
public enum Direction {
    EXPORT,
    IMPORT,
    TEMPORARY_IMPORT_REEXPORT,
    TRANSIT,
    TRANSSHIPMENT
}
