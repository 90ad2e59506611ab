package vn.bordergate.common.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import vn.bordergate.common.workflow.Direction;

/** What an enterprise declares for one vehicle trip. Officers may declare for an enterprise by giving {@code enterpriseId}; an enterprise account always declares for itself. */
public record DeclarationRequest(
        Long enterpriseId,
        @NotNull Direction direction,
        @NotBlank @Size(max = 16) String tractorPlate,
        @Size(max = 16) String trailerPlate,
        @NotNull VehicleType vehicleType,
        @NotNull @Valid DriverDto driver,
        @NotNull @Size(min = 1, max = 50, message = "must hold 1 to 50 goods lines")
                List<@NotNull @Valid GoodsLineDto> goods,
        @NotNull Instant expectedArrival,
        boolean twoWayTransport,
        @Valid MedicalDeclarationDto medical) {}
