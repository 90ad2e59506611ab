package vn.bordergate.workstation.kiosk;

/** Where the gate server serves a checked-in crossing's queue ticket. */
final class KioskTicket {
    private KioskTicket() {}

    static String path(long crossingId) {
        return "/api/kiosk/crossings/" + crossingId + "/ticket";
    }
}
