package vn.bordergate.workstation.kiosk;

/** The kiosk's screens, in the order a driver meets them. */
public enum KioskStep {
    /** Choose a language (and the enterprises' repeat declaration). */
    START,
    /** Find the trip: plate, declaration code or QR code. */
    FIND,
    /** The trip found: check it in. */
    CROSSING,
    /** Checked in: queue number, place, yard, lane; print the ticket. */
    QUEUE,
    /** An enterprise user signs in for a repeat declaration. */
    SIGN_IN,
    /** The repeat declaration form. */
    REPEAT;

    /** Where the kiosk's back button leads from here. */
    KioskStep back() {
        return switch (this) {
            case CROSSING, QUEUE -> KioskStep.FIND;
            case REPEAT -> KioskStep.SIGN_IN;
            default -> KioskStep.START;
        };
    }
}
