package vn.bordergate.common.event;

import java.time.Instant;

/**
 * A lane called the next vehicle from the yard: every station and the kiosk show "lane X calls plate Y"
 * so the driver knows where to go.
 */
public record VehicleCalledEvent(
        String laneCode,
        String laneName,
        long crossingId,
        String tractorPlate,
        String trailerPlate,
        Instant calledAt,
        String calledBy)
        implements GateEvent {}
