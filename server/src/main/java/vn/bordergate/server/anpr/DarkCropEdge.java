package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY_INV;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_OTSU;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import java.util.List;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * A one-row crop cut so tight that its characters merge with what lies dark beyond the plate's edge: the frame, the
 * car's body, a shadow falling across the plate's top. Otsu's one threshold then takes that dark for ink, the
 * characters join it (or each other along it) and {@link PlateRows#characterBlobs} finds almost none, so the rows,
 * the cleaned read's character filter and the glyph classifier all work blind. On vn-one-row 45 wrong crops and 54
 * right ones show fewer than four blobs (docs/anpr.md, "A tight crop's dark edge").
 *
 * <p>The crop is cut loose in three steps: flattened against its own background ({@link CropGrey#flattened} with a
 * square a fifth of the crop's height, so a dark region wider than a stroke becomes background while the strokes stay
 * ink); border lines that are still mostly ink (a frame line hugging the plate) painted over with the plate's light;
 * and a light margin around it, so characters that touch the crop's top and bottom no longer span its full height
 * (which {@link PlateRows#characterBlobs} takes for the frame's side, not a character).
 */
final class DarkCropEdge {
    /** Fewer character blobs than this on a one-row crop and it is cut loose: a plate has at least six characters. */
    static final int FEW_BLOBS = 4;

    /** A border line with at least this share of ink is the frame or what lies beyond it, not characters. */
    static final double FRAME_LINE = 0.6;

    /** The light margin put around the cut crop, in crop heights. */
    static final double MARGIN = 0.1;

    private DarkCropEdge() {}

    /**
     * Whether a crop with these character blobs is worth cutting loose: a one-row-shaped crop (a two-row crop's few
     * blobs have their own causes, {@link PlateRows#otherRow}) read as a crop, not as a finder region.
     */
    static boolean wanted(Mat grey, List<Rect> blobs, ReadEffort effort) {
        return effort == ReadEffort.CROP
                && blobs.size() < FEW_BLOBS
                && grey.cols() >= CropReader.ONE_ROW_SHAPE * grey.rows();
    }

    /**
     * {@code grey} (dark text, one-row) flattened, its dark border lines painted light and given a light margin;
     * null when that shows no more character blobs than {@code blobsBefore}, so the crop is read as it was.
     */
    static Mat cutLoose(Mat grey, int blobsBefore) {
        Mat flat = CropGrey.flattened(grey, grey.rows());
        Mat cut = new Mat();
        try {
            paintFrameLines(flat);
            int margin = Math.max(2, (int) Math.round(grey.rows() * MARGIN));
            copyMakeBorder(flat, cut, margin, margin, margin, margin, BORDER_CONSTANT, new Scalar(255, 255, 255, 0));
        } finally {
            flat.close();
        }
        if (PlateRows.characterBlobs(cut).size() <= Math.max(blobsBefore, FEW_BLOBS - 1)) {
            cut.close();
            return null;
        }
        return cut;
    }

    /**
     * The read of the crop cut loose when it found a plate and is surer of it than the crop's own read. Taking the cut
     * read always won 16 and lost 11 on vn-one-row and lost 12 of cn-crops' right crops (a blue plate's bold glyphs are
     * few blobs for other reasons); the surer of the two won 10 / lost 4 and 6 / 0 (docs/anpr.md).
     */
    static CropRead surer(CropRead own, CropRead cut) {
        return cut.found() && (!own.found() || cut.confidence() > own.confidence()) ? cut : own;
    }

    /**
     * Paints light the crop's border rows (from the top and the bottom, up to a quarter of its height) and border
     * columns (up to an eighth of its width) while each is mostly ink ({@link #FRAME_LINE}): a frame line or dark
     * surroundings, which join the characters that touch them.
     */
    private static void paintFrameLines(Mat grey) {
        int w = grey.cols();
        int h = grey.rows();
        try (Mat ink = new Mat()) {
            threshold(grey, ink, 0, 255, THRESH_BINARY_INV | THRESH_OTSU);
            try (UByteIndexer k = ink.createIndexer();
                    UByteIndexer g = grey.createIndexer()) {
                for (int y = 0; y < h / 4 && inkInRow(k, y, w) >= FRAME_LINE * w; y++) {
                    paintRow(g, y, w);
                }
                for (int y = h - 1; y > h * 3 / 4 && inkInRow(k, y, w) >= FRAME_LINE * w; y--) {
                    paintRow(g, y, w);
                }
                for (int x = 0; x < w / 8 && inkInColumn(k, x, h) >= FRAME_LINE * h; x++) {
                    paintColumn(g, x, h);
                }
                for (int x = w - 1; x > w * 7 / 8 && inkInColumn(k, x, h) >= FRAME_LINE * h; x--) {
                    paintColumn(g, x, h);
                }
            }
        }
    }

    private static int inkInRow(UByteIndexer ink, int y, int w) {
        int n = 0;
        for (int x = 0; x < w; x++) {
            n += ink.get(y, x) != 0 ? 1 : 0;
        }
        return n;
    }

    private static int inkInColumn(UByteIndexer ink, int x, int h) {
        int n = 0;
        for (int y = 0; y < h; y++) {
            n += ink.get(y, x) != 0 ? 1 : 0;
        }
        return n;
    }

    private static void paintRow(UByteIndexer grey, int y, int w) {
        for (int x = 0; x < w; x++) {
            grey.put(y, x, 255);
        }
    }

    private static void paintColumn(UByteIndexer grey, int x, int h) {
        for (int y = 0; y < h; y++) {
            grey.put(y, x, 255);
        }
    }
}
