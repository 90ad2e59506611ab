package vn.bordergate.workstation.kiosk;

import java.util.Optional;
import javafx.stage.Window;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.printing.DocumentPreviewView;
import vn.bordergate.workstation.printing.DocumentPreviewViewModel;
import vn.bordergate.workstation.printing.PrintableDocument;
import vn.bordergate.workstation.printing.Printers;

/**
 * Prints the queue ticket: saved first in the ticket folder (a printer's hot folder works without any
 * dialog), then shown in the shared preview with its Print button; Save PDF there keeps the saved file.
 */
final class KioskTicketPrinter {
    private final BackgroundWork work;
    private final Printers printers;

    KioskTicketPrinter(BackgroundWork work, Printers printers) {
        this.work = work;
        this.printers = printers;
    }

    void print(KioskViewModel model, Window owner) {
        model.saveTicket().thenAccept(ticket -> {
            if (ticket == null || owner == null) {
                return;
            }
            var words = model.words();
            var document = new PrintableDocument(
                    words.text("kiosk.queue.print"), ticket.file().getFileName().toString(), ticket.pdf());
            var preview = new DocumentPreviewViewModel(document, work::submit, printers, words);
            DocumentPreviewView.open(owner, preview, words, suggested -> Optional.of(ticket.file()));
        });
    }
}
