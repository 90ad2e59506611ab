package vn.bordergate.common.dto;

import java.time.Instant;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Direction;

/**
 * What a kiosk shows about the one crossing a driver found: enough to recognise the trip, nothing
 * about the driver or the goods (a public screen in the yard).
 *
 * @param queue the place in the queue once checked in, null before
 */
public record KioskCrossingDto(
        long crossingId,
        String declarationCode,
        String tractorPlate,
        String trailerPlate,
        String enterpriseName,
        Direction direction,
        CrossingStatus status,
        Instant expectedArrival,
        KioskQueueDto queue) {}
