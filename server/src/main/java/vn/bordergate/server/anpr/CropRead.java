package vn.bordergate.server.anpr;

import vn.bordergate.common.plate.PlateGrammarMatch;

/**
 * A plate read off one crop.
 *
 * @param match the grammar's repair of the read (text, layout, cost, confidence), null when no plate fits
 * @param raw what Tesseract read before repair, rows joined by {@code /}
 */
record CropRead(PlateGrammarMatch match, String raw, PlateColour colour, boolean twoRows) {
    boolean found() {
        return match != null;
    }

    String text() {
        return match == null ? "" : match.text();
    }

    double confidence() {
        return match == null ? 0 : match.confidence();
    }
}
