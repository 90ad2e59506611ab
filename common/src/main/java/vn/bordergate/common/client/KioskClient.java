package vn.bordergate.common.client;

import vn.bordergate.common.dto.KioskCrossingDto;

/** The yard kiosk's calls (KIOSK accounts), from {@link GateClient#kiosk()}. */
public final class KioskClient {
    private static final String CROSSINGS = "/api/kiosk/crossings";

    private final GateCalls calls;

    KioskClient(GateCalls calls) {
        this.calls = calls;
    }

    /** The crossing expected today whose plate is like {@code plate} (look-alike characters forgiven). */
    public KioskCrossingDto findByPlate(String plate) {
        return calls.get(JsonHttp.withQuery(CROSSINGS, "plate", plate), KioskCrossingDto.class);
    }

    public KioskCrossingDto findByCode(String declarationCode) {
        return calls.get(JsonHttp.withQuery(CROSSINGS, "code", declarationCode), KioskCrossingDto.class);
    }

    /** The crossing a scanned QR code names (a queue ticket's or a declaration's). */
    public KioskCrossingDto findByQr(String payload) {
        return calls.get(JsonHttp.withQuery(CROSSINGS, "qr", payload), KioskCrossingDto.class);
    }

    public KioskCrossingDto crossing(long crossingId) {
        return calls.get(CROSSINGS + "/" + crossingId, KioskCrossingDto.class);
    }

    /** The checked-in crossing's queue ticket, a PDF (409 before check-in). */
    public byte[] ticket(long crossingId) {
        return calls.download(CROSSINGS + "/" + crossingId + "/ticket", "application/pdf");
    }

    /** Checks the crossing in (idempotent: again answers the first check-in). */
    public KioskCrossingDto checkIn(long crossingId) {
        return calls.post(CROSSINGS + "/" + crossingId + "/check-in", null, KioskCrossingDto.class, null);
    }
}
