package vn.bordergate.common.dto;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A scale weighing at vehicle control. */
public record WeighingRequest(
        @NotNull @Positive @DecimalMax("200000") @Digits(integer = 6, fraction = 2) BigDecimal grossKg,
        @NotBlank @Size(max = 32) String scaleCode) {}
