package vn.bordergate.common.dto;

/** The result of re-computing the audit hash chain. */
public record AuditVerification(boolean intact, long entriesChecked, Long firstBrokenEntryId, String problem) {}
