package vn.bordergate.server.documents;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Checks that each character of a PDF prints the glyph the document font has for it. Text
 * extraction alone cannot tell: it reads the ToUnicode map, which stays right even when a viewer draws
 * another glyph (as happened when CIDs and glyph ids of the embedded font differed: "Đ" printed "ă").
 */
public final class PrintedGlyphs {
    private static final Map<Boolean, Font> DOCUMENT_FONTS = Map.of(
            false, load("fonts/document/NotoSansCJKsc-Regular-Document.otf"),
            true, load("fonts/document/NotoSansCJKsc-Bold-Document.otf"));
    private static final FontRenderContext CONTEXT = new FontRenderContext(new AffineTransform(), false, false);

    private PrintedGlyphs() {}

    /** The characters (with what differs) whose drawn outline is not the document font's glyph for them. */
    public static List<String> mismatches(byte[] pdf) {
        List<String> wrong = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    check(text, wrong);
                }
            };
            stripper.getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return wrong;
    }

    private static void check(TextPosition text, List<String> wrong) {
        String unicode = text.getUnicode();
        if (unicode == null || unicode.isBlank() || !(text.getFont() instanceof PDVectorFont vector)) {
            return;
        }
        try {
            int code = text.getCharacterCodes()[0];
            Rectangle2D drawn = vector.getPath(code).getBounds2D();
            boolean bold = text.getFont().getName().contains("Bold");
            Rectangle2D expected = DOCUMENT_FONTS
                    .get(bold)
                    .createGlyphVector(CONTEXT, unicode)
                    .getOutline()
                    .getBounds2D();
            // glyph space is 1000 units per em, the AWT font is sized 1000 with y pointing down
            if (Math.abs(drawn.getWidth() - expected.getWidth()) > 25
                    || Math.abs(drawn.getHeight() - expected.getHeight()) > 25
                    || Math.abs(drawn.getMinX() - expected.getMinX()) > 25) {
                wrong.add(unicode + " drew " + describe(drawn) + " instead of " + describe(expected));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Rectangle2D r) {
        return String.format("[x %.0f, %.0f×%.0f]", r.getMinX(), r.getWidth(), r.getHeight());
    }

    private static Font load(String resource) {
        try (InputStream in = PrintedGlyphs.class.getClassLoader().getResourceAsStream(resource)) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(1000f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(resource + " is no font Java can read", e);
        }
    }
}
