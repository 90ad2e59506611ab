package vn.bordergate.workstation.printing;

/**
 * A PDF the officer may look at, print or save: a slip, a ticket, a report, as the gate server made it.
 *
 * @param title what the preview window and the print job are called
 * @param fileName the name offered when saving, such as {@code crossing-4711-slip.pdf}
 */
public record PrintableDocument(String title, String fileName, byte[] pdf) {
    public PrintableDocument {
        if (pdf == null || pdf.length == 0) {
            throw new IllegalArgumentException("a document to print needs its PDF");
        }
        pdf = pdf.clone();
    }

    @Override
    public byte[] pdf() {
        return pdf.clone();
    }
}
