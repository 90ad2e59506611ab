package vn.bordergate.workstation.kiosk;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a yard kiosk runs.
 *
 * @param account the KIOSK device account it signs in with
 * @param password that account's password: from {@code BORDERGATE_KIOSK_PASSWORD}, or the demo password
 *     against the embedded demo gate; null when neither (the kiosk then says it cannot sign in)
 * @param camera the QR camera: a device number ({@code 0}), a stream URL or a video file; null for none
 * @param idleTimeout untouched this long, the kiosk returns to its start screen and forgets the driver
 * @param ticketDir where queue tickets are saved as PDF (the printer's spool folder, say)
 */
public record KioskSettings(String account, String password, String camera, Duration idleTimeout, Path ticketDir) {
    public static final String PASSWORD_VARIABLE = "BORDERGATE_KIOSK_PASSWORD";
    public static final Duration DEFAULT_IDLE = Duration.ofSeconds(60);

    public KioskSettings {
        if (idleTimeout.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException("--idle: at least 10 seconds, so a driver can read the screen");
        }
    }

    /** The same settings with another password (the demo one for the embedded demo gate). */
    public KioskSettings withPassword(String newPassword) {
        return new KioskSettings(account, newPassword, camera, idleTimeout, ticketDir);
    }
}
