package vn.bordergate.server.anpr;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * A row read as too few symbols to be a plate's row: Otsu's threshold joined the frame's bottom edge to its sides
 * and often to the characters' feet, so the line image shows the characters inside a box, which Tesseract skips as
 * a picture or reads in part (a two-row plate's bottom row most often). Such a row is read once more with the bottom
 * bar erased ({@link FrameTop#clearBottom}), after which the frame's sides stand apart and {@link FrameEdge#erase}
 * takes them. Only rows too short for their plate with a bar under them get the extra read, so a row read well before
 * is never changed (erasing the bar on every two-row bottom row lost four-digit rows to the sides' remnants:
 * docs/anpr.md, branch vnrows).
 */
final class FrameBottom {
    /** A two-row plate's bottom row has four or five digits: a read with fewer symbols cannot make the plate. */
    static final int MIN_SYMBOLS = 4;

    /** A one-row plate has at least seven characters (Vietnamese {@code 30A1234}, Chinese {@code 皖A12345}). */
    static final int MIN_ONE_ROW = 7;

    private FrameBottom() {}

    /**
     * The row {@code band} of {@code rows} read again without the frame's bottom edge when {@code first} (its read) is
     * too short for its row, a two-row plate's top row and a coloured one-row plate aside; {@code first} otherwise.
     */
    static LineRead readAgain(
            TesseractEngine engine,
            Mat grey,
            PlateRows rows,
            Rect band,
            LineImage.Binarisation binarisation,
            int bottomStart,
            LineRead first,
            PlateColour colour) {
        // a coloured one-row plate is mostly Chinese, whose row reads six symbols (the province glyph is not
        // Tesseract's): reading those again cost Chinese crops ~2 ms median and ~5 ms p95 for one plate won
        if (!rows.twoRows() && colour == PlateColour.WHITE && first.symbols().size() < MIN_ONE_ROW) {
            return reread(engine, grey, band, binarisation, -1, first);
        }
        if (band == rows.bottom() && first.symbols().size() < MIN_SYMBOLS) {
            return reread(engine, grey, band, binarisation, bottomStart, first);
        }
        return first;
    }

    /**
     * The row {@code band} read again without its frame's bottom edge, when that reads more symbols than {@code first}
     * (the row's read as it was); {@code first} otherwise, and when the row shows no bar.
     */
    static LineRead reread(
            TesseractEngine engine,
            Mat grey,
            Rect band,
            LineImage.Binarisation binarisation,
            int bottomStart,
            LineRead first) {
        Mat line = LineImage.of(grey, band, binarisation, true, bottomStart, false, true);
        if (line == null) {
            return first;
        }
        try {
            LineRead again = engine.readLine(line);
            return again.symbols().size() > first.symbols().size() ? again : first;
        } finally {
            line.close();
        }
    }
}
