package vn.bordergate.workstation.printing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** A PDF's pages as pictures, drawn by PDFBox: blocking work, for the background executor only. */
public final class PdfPages {
    /** Sharp up to 150 % zoom on an ordinary screen, and an A4 page stays under 10 MB of pixels. */
    public static final float PREVIEW_DPI = 144;

    private PdfPages() {}

    /** Every page at {@code dpi}; throws IOException when the bytes are not a readable PDF. */
    public static List<BufferedImage> render(byte[] pdf, float dpi) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            List<BufferedImage> pages = new ArrayList<>();
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                pages.add(renderer.renderImageWithDPI(i, dpi, ImageType.RGB));
            }
            return pages;
        }
    }
}
