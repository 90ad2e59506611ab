package vn.bordergate.common.dto;

/** How a plate read relates to the crossings expected today. */
public enum MatchStatus {
    MATCHED,
    NEEDS_OFFICER,
    CORRECTED,
    UNMATCHED
}
