package vn.bordergate.common.dto;

import java.time.Instant;

/** A vehicle that crossed and has not come back within its dwell limit. */
public record OverstayAlertDto(
        long crossingId,
        String tractorPlate,
        String enterpriseName,
        Instant releasedAt,
        Instant returnDeadline,
        long hoursOver) {}
