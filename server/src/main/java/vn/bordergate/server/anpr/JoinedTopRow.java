package vn.bordergate.server.anpr;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * A two-row plate's top row whose characters are joined to what lies above them: the frame's top edge and its shadow
 * darken the plate's top under an uneven light, and the crop's one Otsu threshold runs the characters' tops into it,
 * so the top row shows (almost) no character blobs and its band is only guessed from the bottom row
 * ({@link PlateRows}). Every read of that row then thresholds the same gradient, cuts the tops off
 * ({@link FrameTop}) and reads {@code 5} as {@code 9}, the series letter as {@code T}. Two of its line images are cut
 * from the crop flattened against its own background ({@link CropGrey#flattened}) instead, which takes the gradient out
 * (docs/anpr.md, "Two-row plates: a top row joined to the frame above read flattened").
 */
final class JoinedTopRow {
    /**
     * A top row with fewer character blobs than this is joined. On vn-mixed-silver's two-row crops with at most one top
     * blob 45 of 83 were wrong (against 91 of 478 with four or more); with two or three, flattening won as many as it lost.
     */
    static final int SEEN = 2;

    private JoinedTopRow() {}

    /**
     * The grey image a whole-image crop's top row is read from when that row is joined ({@link #SEEN}): the crop
     * flattened, for the caller to close; null to read it from {@code grey} as the other rows. Finder regions are left
     * alone: a frame's junk regions would pay the flattening.
     */
    static Mat flattenedIfJoined(Mat grey, List<Rect> blobs, PlateRows rows, ReadEffort effort) {
        if (effort != ReadEffort.CROP || !rows.twoRows() || characters(blobs, rows) >= SEEN) {
            return null;
        }
        return CropGrey.flattened(grey, rows.top().height());
    }

    /**
     * Whether a joined top row's line image of this binarisation is cut from the flattened crop: the frame-removed and
     * equalised reads only. The plain and small reads keep the crop as it is, so the vote still sees the row both
     * ways: flattened in all four reads, vn-mixed-silver won 13 and lost 5, three of them `M`/`N` series letters the
     * plain reads had right; in these two 9 and 3, no series letter lost (docs/anpr.md).
     */
    static boolean readsFlattened(LineImage.Binarisation binarisation) {
        return binarisation == LineImage.Binarisation.GLOBAL || binarisation == LineImage.Binarisation.EQUALISED;
    }

    /** How many of the crop's character blobs lie in a two-row crop's top row (their centres above the bottom row). */
    static int characters(List<Rect> blobs, PlateRows rows) {
        int n = 0;
        for (Rect b : blobs) {
            if (b.y() + b.height() / 2 < rows.bottom().y()) {
                n++;
            }
        }
        return n;
    }
}
