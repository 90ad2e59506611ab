package vn.bordergate.common.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Direction;

/** One vehicle's passage through the gate, with the state of each step. */
public record CrossingDto(
        long id,
        long declarationId,
        String declarationCode,
        long enterpriseId,
        String enterpriseName,
        Direction direction,
        String tractorPlate,
        String trailerPlate,
        String driverName,
        boolean perishable,
        boolean priority,
        CrossingStatus status,
        List<StepStatusDto> steps,
        Instant expectedArrival,
        Instant arrivedAt,
        Instant releasedAt,
        Instant returnDeadline,
        Instant returnedAt,
        BigDecimal grossWeightKg,
        String yardCode,
        long version) {
    /** The same crossing with other step states, as an event about one step brings them. */
    public CrossingDto withSteps(List<StepStatusDto> newSteps) {
        return new CrossingDto(
                id,
                declarationId,
                declarationCode,
                enterpriseId,
                enterpriseName,
                direction,
                tractorPlate,
                trailerPlate,
                driverName,
                perishable,
                priority,
                status,
                List.copyOf(newSteps),
                expectedArrival,
                arrivedAt,
                releasedAt,
                returnDeadline,
                returnedAt,
                grossWeightKg,
                yardCode,
                version);
    }

    /** The same crossing with its goods marked perishable or not (they go first in the queue). */
    public CrossingDto withPerishable(boolean isPerishable) {
        return new CrossingDto(
                id,
                declarationId,
                declarationCode,
                enterpriseId,
                enterpriseName,
                direction,
                tractorPlate,
                trailerPlate,
                driverName,
                isPerishable,
                priority,
                status,
                steps,
                expectedArrival,
                arrivedAt,
                releasedAt,
                returnDeadline,
                returnedAt,
                grossWeightKg,
                yardCode,
                version);
    }
}
