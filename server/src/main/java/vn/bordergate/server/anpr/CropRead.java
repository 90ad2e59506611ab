package vn.bordergate.server.anpr;

import java.util.List;
import vn.bordergate.common.plate.PlateGrammarMatch;
import vn.bordergate.common.plate.PlateGrammarSymbol;

/**
 * A plate read off one crop.
 *
 * @param match the grammar's repair of the read (text, layout, cost, confidence), null when no plate fits
 * @param raw what Tesseract read before repair, rows joined by {@code /}
 * @param symbols a one-row Tesseract read's symbols with their alternatives; empty for other reads
 * @param framedOff a quick read whose plain line read nothing and which is the frame-removed line's read instead
 *     ({@link RimmedPlainRead}): a full read after it takes it for that line's, not the plain line's
 * @param rowSymbols a two-row Tesseract read's symbols row by row (top, bottom) with their alternatives, for the row
 *     vote ({@link RowVote}); empty for other reads
 */
record CropRead(
        PlateGrammarMatch match,
        String raw,
        PlateColour colour,
        boolean twoRows,
        List<PlateGrammarSymbol> symbols,
        boolean framedOff,
        List<List<PlateGrammarSymbol>> rowSymbols) {
    CropRead(
            PlateGrammarMatch match,
            String raw,
            PlateColour colour,
            boolean twoRows,
            List<PlateGrammarSymbol> symbols,
            boolean framedOff) {
        this(match, raw, colour, twoRows, symbols, framedOff, List.of());
    }

    CropRead(PlateGrammarMatch match, String raw, PlateColour colour, boolean twoRows) {
        this(match, raw, colour, twoRows, List.of());
    }

    CropRead(
            PlateGrammarMatch match,
            String raw,
            PlateColour colour,
            boolean twoRows,
            List<PlateGrammarSymbol> symbols) {
        this(match, raw, colour, twoRows, symbols, false);
    }

    /** This read, made of the frame-removed line in place of a plain line that read nothing. */
    CropRead inPlaceOfABlankPlainRead() {
        return new CropRead(match, raw, colour, twoRows, symbols, true, rowSymbols);
    }

    boolean found() {
        return match != null;
    }

    String text() {
        return match == null ? "" : match.text();
    }

    double confidence() {
        return match == null ? 0 : match.confidence();
    }

    /** The Latin letters and digits in {@code text}: a plate's characters but its province glyph. */
    static long latinCharacters(String text) {
        return text.chars().filter(c -> c < 128 && Character.isLetterOrDigit(c)).count();
    }
}
