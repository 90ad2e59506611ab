package vn.bordergate.common.dto;

import java.time.Instant;
import java.util.List;

/**
 * The gate's congestion for drivers and the provincial portal: counts only, no personal data and no plates.
 *
 * @param vehiclesWaiting vehicles at the gate and not yet released (in progress, held, ready to release)
 * @param averageWaitMinutes how long those vehicles have waited since arrival, on average (null when none waits)
 * @param releasedLastHour vehicles released across the border in the hour before {@code updatedAt}
 * @param updatedAt when these figures were computed (they are cached for a few seconds)
 */
public record PublicStatusDto(
        String gate,
        String gateNameVi,
        String gateNameEn,
        CongestionLevel congestion,
        long vehiclesWaiting,
        List<YardWaitingDto> yards,
        Long averageWaitMinutes,
        long releasedLastHour,
        Instant updatedAt,
        CongestionThresholds thresholds) {}
