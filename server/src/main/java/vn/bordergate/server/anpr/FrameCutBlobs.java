package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_imgproc.ADAPTIVE_THRESH_MEAN_C;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY_INV;
import static org.bytedeco.opencv.global.opencv_imgproc.adaptiveThreshold;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Character blobs of a one-row Chinese crop whose characters touch its frame: on a tilted plate cut tightly (cn-crops'
 * 94 × 24) the frame's top and bottom edges and the dark car beyond them run into every character under a local
 * threshold, so no character-shaped blob is left for the layout fit ({@link SerialGlyphs}). Here the threshold is
 * stricter and the long horizontal runs (frame edges, the car's shadow line) are cut away before the blobs are taken.
 */
final class FrameCutBlobs {
    /**
     * How much darker than its neighbourhood's mean a pixel must be to count as ink; on the even cn-crops half 12 placed
     * and read the most (4: 179, 8: 179, 12: 182, 16: 180 plates right by the glyph read).
     */
    static final int INK = 12;

    /** A horizontal run at least this share of the band's height long is frame, not a character's stroke. */
    private static final double RUN = 0.6;

    private FrameCutBlobs() {}

    /** The blobs of character size and shape in {@code band} of a grey crop (dark text), frame runs cut away. */
    static List<Rect> of(Mat grey, Rect band) {
        try (Mat ink = new Mat();
                Mat lines = new Mat()) {
            adaptiveThreshold(
                    grey, ink, 255, ADAPTIVE_THRESH_MEAN_C, THRESH_BINARY_INV, SerialGlyphs.localBlock(band), INK);
            int run = Math.max(5, (int) Math.round(band.height() * RUN));
            try (Mat kernel = getStructuringElement(MORPH_RECT, new Size(run, 1))) {
                morphologyEx(ink, lines, MORPH_OPEN, kernel);
            }
            subtract(ink, lines, ink);
            return SerialGlyphs.characterShaped(ink, band, 0.4, 0.85);
        }
    }
}
