package vn.bordergate.workstation.printing;

/** The computer's printers: the edge the preview prints through (tests put a fake one here). */
public interface Printers {
    /** What became of a print request. */
    enum Outcome {
        PRINTED,
        /** The officer closed the printer dialog without printing. */
        CANCELLED,
        /** This computer has no printer at all. */
        NO_PRINTER
    }

    /** Asks which printer (the system's print dialog) and prints; blocking, so call it in the background. */
    Outcome print(PrintableDocument document) throws Exception;
}
