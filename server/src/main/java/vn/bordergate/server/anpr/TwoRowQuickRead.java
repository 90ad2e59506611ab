package vn.bordergate.server.anpr;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * A finder region split into two rows is quick-read bottom row first, and a bottom row that reads as almost nothing
 * ends the read before the top row's OCR call. A two-row plate's bottom row holds four or five characters (the
 * Vietnamese serial, a Chinese rear plate's five); the truck fronts, grilles and lights a frame's finder splits into
 * two rows read {@code /}, {@code W/}, {@code /A}: on the benchmark frames every two-row quick read that gave no plate
 * had at most one character below, and each spent an OCR call of 2–4 ms on its top row (docs/anpr.md, "Frame time:
 * a two-row region's bottom row first").
 */
final class TwoRowQuickRead {
    /**
     * A quick read's bottom row with fewer letters and digits than this ends the read. Below {@link
     * PlateReader#PROMISING_TEXT}: an ended read never gets a full read, whose plain read it would stand in for.
     */
    static final int BOTTOM_CHARACTERS = 2;

    private TwoRowQuickRead() {}

    /**
     * The row bands of a crop in the order they are read: a finder region's quick read of two rows bottom row first,
     * every other read top row first.
     */
    static List<Rect> bands(PlateRows rows, ReadEffort effort) {
        if (!rows.twoRows()) {
            return List.of(rows.top());
        }
        return effort == ReadEffort.QUICK ? List.of(rows.bottom(), rows.top()) : List.of(rows.top(), rows.bottom());
    }

    /** Whether the bottom row's read is too short for a plate's bottom row. */
    static boolean endsAt(LineRead bottom) {
        return CropRead.latinCharacters(bottom.text()) < BOTTOM_CHARACTERS;
    }

    /** The read that ends there: no plate, the bottom row's text as the raw read (an unread top row is empty). */
    static CropRead ended(LineRead bottom, PlateColour colour) {
        return new CropRead(null, "/" + bottom.text(), colour, true);
    }
}
