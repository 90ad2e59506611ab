package vn.bordergate.common.dto;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A fee charged to a crossing; {@code receiptNumber} when it is paid on the spot. */
public record FeeRequest(
        @NotNull FeeKind kind,
        @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 0) BigDecimal amountVnd,
        @Size(max = 32) String receiptNumber) {}
