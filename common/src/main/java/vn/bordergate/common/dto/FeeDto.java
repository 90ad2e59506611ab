package vn.bordergate.common.dto;

import java.math.BigDecimal;
import java.time.Instant;

/** A fee of a crossing. */
public record FeeDto(
        long id,
        long crossingId,
        FeeKind kind,
        BigDecimal amountVnd,
        boolean paid,
        String receiptNumber,
        Instant paidAt) {}
