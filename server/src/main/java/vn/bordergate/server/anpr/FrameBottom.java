package vn.bordergate.server.anpr;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * A two-row plate's bottom row read as (nearly) nothing: Otsu's threshold joined the frame's bottom edge to its sides
 * and often to the digits' feet, so the line image shows the digits inside a box, which Tesseract skips as a picture
 * or reads in part. Such a row is read once more with the bottom bar erased ({@link FrameTop#clearBottom}), after
 * which the frame's sides stand apart and {@link FrameEdge#erase} takes them. Only rows too short to be a bottom row
 * with a bar under them get the extra read, so a row read well before is never changed (erasing the bar on every row
 * lost four-digit rows to the sides' remnants: docs/anpr.md, branch vnrows).
 */
final class FrameBottom {
    /** A bottom row has four or five digits: a read with fewer symbols cannot make the plate. */
    static final int MIN_SYMBOLS = 4;

    private FrameBottom() {}

    /**
     * The bottom row {@code band} read again without its frame's bottom edge, when that reads more symbols than
     * {@code first} (the row's read as it was); {@code first} otherwise, and when the row shows no bar.
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
