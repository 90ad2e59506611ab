package vn.bordergate.common.dto;

/** A crossing a plate read might belong to, and how far the read is from its plate (0 = identical). */
public record MatchCandidateDto(long crossingId, String plate, double distance) {}
