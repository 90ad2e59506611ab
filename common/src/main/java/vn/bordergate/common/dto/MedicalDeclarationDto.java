package vn.bordergate.common.dto;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** The driver's health declaration for medical quarantine. */
public record MedicalDeclarationDto(
        @DecimalMin("30.0") @DecimalMax("45.0") BigDecimal temperatureC,
        boolean symptoms,
        @Size(max = 500) String notes) {}
