package vn.bordergate.common.dto;

/** How well plate reading works: the share of reads matched without an officer, and the corrections (of a period). */
public record PlateReadStatsDto(
        long reads, long autoMatched, long needsOfficer, long corrected, double autoMatchRate) {}
