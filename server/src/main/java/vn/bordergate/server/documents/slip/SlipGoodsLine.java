package vn.bordergate.server.documents.slip;

import java.math.BigDecimal;

/** One declared goods line as the slip lists it. */
public record SlipGoodsLine(
        int lineNo, String hsCode, String description, BigDecimal quantity, String unit, BigDecimal grossWeightKg) {}
