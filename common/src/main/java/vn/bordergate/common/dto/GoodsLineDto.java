package vn.bordergate.common.dto;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** One line of goods on a declaration. */
public record GoodsLineDto(
        @NotBlank @Pattern(regexp = "[0-9]{4,10}", message = "must be a 4 to 10 digit HS code") String hsCode,
        @NotBlank @Size(max = 200) String description,
        @NotNull @Positive @Digits(integer = 12, fraction = 3) BigDecimal quantity,
        @NotBlank @Size(max = 16) String unit,
        @NotNull @Positive @Digits(integer = 9, fraction = 2) BigDecimal grossWeightKg,
        @NotNull QuarantineKind quarantine) {}
