package vn.bordergate.workstation.kiosk;

import java.nio.file.Path;

/** A queue ticket as saved in the kiosk's ticket folder, with its bytes for the preview and printer. */
public record KioskTicketFile(Path file, byte[] pdf) {}
