package vn.bordergate.server.service;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.bordergate.common.dto.KioskCrossingDto;
import vn.bordergate.server.documents.DocumentRenderer;
import vn.bordergate.server.documents.QrCodes;

/** The queue ticket a kiosk prints: a JasperReports PDF with the queue number, plate, yard and a QR code. */
final class KioskTickets {
    static final String TEMPLATE = "documents/kiosk-ticket.jrxml";
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ROOT).withZone(KioskService.GATE_ZONE);

    private final DocumentRenderer renderer;

    KioskTickets(DocumentRenderer renderer) {
        this.renderer = renderer;
    }

    byte[] pdf(KioskCrossingDto crossing) {
        var queue = crossing.queue();
        Map<String, Object> p = new HashMap<>();
        p.put("queueNumber", String.valueOf(queue.queueNumber()));
        p.put("plate", crossing.tractorPlate());
        p.put("trailerPlate", crossing.trailerPlate());
        p.put("enterpriseName", crossing.enterpriseName());
        p.put("declarationCode", crossing.declarationCode());
        p.put("crossingId", String.valueOf(crossing.crossingId()));
        p.put("yard", queue.yardName() + " (" + queue.yardCode() + ")");
        p.put("checkedInAt", WHEN.format(queue.checkedInAt()));
        p.put("qr", QrCodes.image(KioskService.qrPayload(crossing.crossingId()), 360));
        return renderer.pdf(TEMPLATE, p, List.<Record>of());
    }
}
