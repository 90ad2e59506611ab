package vn.bordergate.workstation.printing;

import java.awt.GraphicsEnvironment;
import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import java.io.IOException;
import javax.print.PrintServiceLookup;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;

/**
 * Printing through java.awt.print with PDFBox's {@link PDFPageable}: the PDF's own pages at their own
 * size, vector text, no screenshot of the preview.
 */
public final class SystemPrinters implements Printers {
    @Override
    public Outcome print(PrintableDocument document) throws IOException, PrinterException {
        if (PrintServiceLookup.lookupPrintServices(null, null).length == 0) {
            return Outcome.NO_PRINTER;
        }
        try (PDDocument pdf = Loader.loadPDF(document.pdf())) {
            PrinterJob job = PrinterJob.getPrinterJob();
            job.setJobName(document.title());
            job.setPageable(new PDFPageable(pdf));
            // without a screen (a kiosk service) there is no dialog: the default printer it is
            if (!GraphicsEnvironment.isHeadless() && !job.printDialog()) {
                return Outcome.CANCELLED;
            }
            job.print();
            return Outcome.PRINTED;
        }
    }
}
