package vn.bordergate.server.anpr;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The glyph read and the line network standing in for a one-row Chinese crop's three further Tesseract reads: when the
 * first (plain) read, the glyph-by-glyph read ({@link ChineseGlyphRead}, on boxes the layout fitted) and the Chinese
 * line network's own read of the six Latin characters ({@link ChineseLineRead}) give the same plate, three readers
 * that fail in different ways agree, and the read ends. Tesseract's reads were most of a Chinese crop's CPU (54 % of
 * its samples in a JFR profile, docs/anpr.md). The glyph read is kept for the vote when they disagree, so it is never
 * made twice. A first read whose text starts with a digit is left to the full vote: it may be a Vietnamese plate's
 * province code, which the province classifier can take for a glyph, and all three readers then agree on a Chinese plate
 * (vn-one-row lost {@code 14A35588} so: its first read {@code 4A35588} became {@code 川A35588}). Not thread-safe: one per
 * crop read.
 */
final class ChineseStandIn {
    /** Whether the glyph read and the line network may stand in ({@code -Danpr.chineseConfirms=false} to measure). */
    static final boolean WANTED = Boolean.parseBoolean(System.getProperty("anpr.chineseConfirms", "true"));

    private final SerialClassifier serials;
    private final ProvinceClassifier provinces;
    private final ChineseLineRead line;
    private final Mat grey;
    private final PlateRows rows;
    private ChineseGlyphRead.Placed placed;
    private boolean glyphsRead;
    private double[][] lineProbabilities;
    private boolean lineRead;

    /** For the crop {@code grey} (valid while it is open) of {@code rows}; {@code line} may be null. */
    ChineseStandIn(
            SerialClassifier serials, ProvinceClassifier provinces, ChineseLineRead line, Mat grey, PlateRows rows) {
        this.serials = serials;
        this.provinces = provinces;
        this.line = line;
        this.grey = grey;
        this.rows = rows;
    }

    /**
     * The plate when {@code first}, the crop's first full read, is confirmed by the glyph read and the line network;
     * else null (read on).
     */
    CropRead confirmed(CropRead first, Mat bgr, PlateColour colour, CropProvince province) {
        if (!WANTED
                || line == null
                || !first.found()
                || digitFirst(first.raw())
                || !ChineseGlyphRead.wanted(serials, rows, colour, first)) {
            return null;
        }
        ChineseGlyphRead.Placed glyphs = placed(bgr, colour, province);
        if (glyphs == null
                || !glyphs.fitted()
                || !glyphs.read().text().equals(first.text())
                || !line.reads(first, lineProbabilities())) {
            return null;
        }
        return glyphs.read().confidence() > first.confidence() ? glyphs.read() : first;
    }

    private static boolean digitFirst(String raw) {
        return !raw.isEmpty() && Character.isDigit(raw.charAt(0));
    }

    /**
     * {@code chosen}, or a plate the Chinese line network finds far likelier ({@link ChineseLineRead#chosen}), from the
     * network's reading of the row that {@link #confirmed} may have made already.
     */
    CropRead withLine(CropRead chosen, List<CropRead> reads, PlateColour colour) {
        return line == null ? chosen : line.chosen(chosen, reads, lineProbabilities(), colour);
    }

    /** The line network's log-probabilities of the crop's row, computed once; null for two rows. */
    private double[][] lineProbabilities() {
        if (!lineRead) {
            lineRead = true;
            lineProbabilities = line.logProbabilities(grey, rows);
        }
        return lineProbabilities;
    }

    /** The crop's glyph read, made once ({@link ChineseGlyphRead#placed}); null when no fit gives a plate. */
    ChineseGlyphRead.Placed placed(Mat bgr, PlateColour colour, CropProvince province) {
        if (!glyphsRead) {
            glyphsRead = true;
            placed = ChineseGlyphRead.placed(serials, provinces, bgr, grey, rows, colour, province.get());
        }
        return placed;
    }
}
