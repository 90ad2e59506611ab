package vn.bordergate.common.dto;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A plate read posted by a lane camera. */
public record NewPlateReadRequest(
        @NotBlank @Size(max = 32) String cameraCode,
        Instant readAt,
        @NotBlank @Size(max = 32) String text,
        @DecimalMin("0.0") @DecimalMax("1.0") double confidence,
        @Size(max = 260) String imagePath) {}
