package vn.bordergate.workstation.kiosk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import vn.bordergate.common.dto.KioskCrossingDto;
import vn.bordergate.workstation.connection.GateSession;

/** The kiosk's ticket folder, which a printer may watch: a ticket appears in it whole or not at all. */
final class TicketFolder {
    private TicketFolder() {}

    /** Fetches the queue ticket of {@code current} through the kiosk's session and keeps it in {@code folder}. */
    static CompletableFuture<KioskTicketFile> fetch(GateSession kiosk, Path folder, KioskCrossingDto current) {
        Path file = folder.resolve("ticket-" + current.queue().queueNumber() + "-" + current.crossingId() + ".pdf");
        return kiosk.ask(g -> {
            byte[] pdf = g.kiosk().ticket(current.crossingId());
            return TicketFolder.write(file, pdf);
        });
    }

    /** Writes {@code pdf} as {@code file} (off the FX thread: the kiosk's session calls run in the background). */
    static KioskTicketFile write(Path file, byte[] pdf) {
        try {
            Files.createDirectories(file.getParent());
            // whole or not at all: a printer watching the folder never takes half a ticket
            Path part = Files.write(file.resolveSibling(file.getFileName() + ".part"), pdf);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new KioskTicketFile(file, pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
