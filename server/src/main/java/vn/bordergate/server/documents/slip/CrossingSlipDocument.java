package vn.bordergate.server.documents.slip;

import java.util.Map;
import vn.bordergate.server.documents.DocumentRenderer;
import vn.bordergate.server.documents.QrCodes;
import vn.bordergate.server.documents.RecordDataSource;

/** Lays a {@link CrossingSlip} out as a one-page A4 PDF (goods run onto more pages when there are many). */
public final class CrossingSlipDocument {
    static final String TEMPLATE = "vn/bordergate/server/documents/slip/crossing-slip.jrxml";
    /** Printed at 300 dpi the code is about 3 cm wide: 360 px gives whole pixels per module. */
    private static final int QR_PIXELS = 360;

    private final DocumentRenderer renderer;

    public CrossingSlipDocument(DocumentRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * The QR code's text: {@code BG:CROSSING:<id>}. The prefix says whose code it is and what kind of
     * thing the number is, so a scanner at the gate never takes a ticket or a declaration for a crossing.
     */
    public static String qrPayload(long crossingId) {
        return "BG:CROSSING:" + crossingId;
    }

    /** Compiles the template ahead of the first slip. */
    public void prepare() {
        renderer.prepare(TEMPLATE);
    }

    public byte[] pdf(CrossingSlip slip) {
        return renderer.pdf(
                TEMPLATE,
                Map.of(
                        "slip",
                        slip,
                        "qr",
                        QrCodes.image(slip.qrPayload(), QR_PIXELS),
                        "stamps",
                        new RecordDataSource(slip.stamps())),
                slip.goods());
    }
}
