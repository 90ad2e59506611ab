package vn.bordergate.server.documents.slip;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a crossing slip shows, already in the words and formats printed on it (the template only lays
 * it out). Bilingual values carry the Vietnamese first and the English second.
 *
 * @param scaleDetail where and when the scale weight was taken, null when the truck was not weighed
 * @param printedAt the gate's local time, with its zone
 */
public record CrossingSlip(
        String gateName,
        long crossingId,
        String declarationCode,
        Bilingual direction,
        Bilingual status,
        String tractorPlate,
        String trailerPlate,
        String enterpriseName,
        String enterpriseTaxCode,
        String driverName,
        String driverDocument,
        BigDecimal scaleWeightKg,
        String scaleDetail,
        BigDecimal declaredWeightKg,
        List<SlipGoodsLine> goods,
        List<SlipStamp> stamps,
        String printedAt,
        String printedBy) {
    public CrossingSlip {
        goods = List.copyOf(goods);
        stamps = List.copyOf(stamps);
    }

    /** A term in both languages of the slip. */
    public record Bilingual(String vi, String en) {}

    /** The QR code's text: scanners at the gate look the crossing up by it. */
    public String qrPayload() {
        return CrossingSlipDocument.qrPayload(crossingId);
    }
}
