package vn.bordergate.common.dto;

import java.math.BigDecimal;
import java.time.Instant;

/** A recorded scale weighing. */
public record WeighingDto(
        long id, long crossingId, BigDecimal grossKg, String scaleCode, Instant weighedAt, String officer) {}
