package vn.bordergate.common.dto;

import java.time.Instant;
import java.util.List;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Direction;

/** A declaration as stored, with its current revision and the crossing it opened. */
public record DeclarationDto(
        long id,
        String code,
        int revision,
        long enterpriseId,
        String enterpriseName,
        Direction direction,
        String tractorPlate,
        String trailerPlate,
        VehicleType vehicleType,
        DriverDto driver,
        List<GoodsLineDto> goods,
        Instant expectedArrival,
        boolean twoWayTransport,
        MedicalDeclarationDto medical,
        Instant submittedAt,
        long crossingId,
        CrossingStatus status) {}
