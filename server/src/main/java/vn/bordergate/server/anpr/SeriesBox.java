package vn.bordergate.server.anpr;

import java.util.List;
import java.util.Map;

/**
 * A motorbike plate's series digit ({@code 59-U1}) that no read kept: Tesseract often drops the last glyph of a
 * two-row top row (the flagged {@code 1} beside the frame's right side, a faint {@code 2}), and the top row then
 * reads {@code 59U}, which with a five-digit bottom row is a valid two-row car plate. Where the Vietnamese glyph
 * classifier found four glyph boxes in that top row, the row has four characters: a two-row car plate's top row has
 * three (on vn-mixed-silver no car plate's top row showed four character blobs; 20 motorbike crops read one short
 * did). The top row is then given the digit the reads and the classifier's fourth box agree on most.
 */
final class SeriesBox {
    /** A top row's glyph boxes when it carries a series digit: two province digits, the letter, the digit. */
    static final int BOXES = 4;

    private SeriesBox() {}

    /** Whether {@code top} is a province code and series letter alone ({@code 59U}) where four glyph boxes stand. */
    static boolean missing(List<double[]> topGlyphs, String top) {
        return topGlyphs.size() == BOXES
                && top.length() == BOXES - 1
                && Character.isDigit(top.charAt(0))
                && Character.isDigit(top.charAt(1))
                && Character.isLetter(top.charAt(2));
    }

    /**
     * Moves the votes of every top row {@link #missing} its digit to that row with the digit added: the digit with
     * the most votes of the reads that have it plus the classifier's probability for the fourth box (among digits).
     */
    static void restore(Map<String, Double> tops, List<double[]> topGlyphs) {
        for (String top : List.copyOf(tops.keySet())) {
            if (!missing(topGlyphs, top)) {
                continue;
            }
            char best = '1';
            double most = -1;
            for (char digit = '0'; digit <= '9'; digit++) {
                double say = tops.getOrDefault(top + digit, 0.0)
                        + VietnameseGlyphVote.ofItsKind(topGlyphs.get(BOXES - 1), digit);
                if (say > most) {
                    most = say;
                    best = digit;
                }
            }
            tops.merge(top + best, tops.remove(top), Double::sum);
        }
    }
}
