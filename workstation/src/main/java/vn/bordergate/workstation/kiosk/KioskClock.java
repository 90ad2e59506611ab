package vn.bordergate.workstation.kiosk;

import java.time.ZoneId;

/** The kiosk stands at the gate: its times are the gate's, whatever the computer's zone. */
final class KioskClock {
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private KioskClock() {}
}
