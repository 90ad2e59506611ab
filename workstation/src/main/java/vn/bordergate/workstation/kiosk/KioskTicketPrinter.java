package vn.bordergate.workstation.kiosk;

/**
 * Prints the queue ticket. Until the shared printing code is merged, the ticket is saved as PDF in
 * the ticket folder (a printer's hot folder at the kiosk).
 */
final class KioskTicketPrinter {
    private KioskTicketPrinter() {}

    static void print(KioskViewModel model) {
        model.saveTicket();
    }
}
