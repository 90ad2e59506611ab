package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_imgproc.ADAPTIVE_THRESH_MEAN_C;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_HEIGHT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_LEFT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_TOP;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_WIDTH;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY_INV;
import static org.bytedeco.opencv.global.opencv_imgproc.adaptiveThreshold;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.indexer.IntIndexer;
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
        List<Rect> out = new ArrayList<>();
        int block = Math.max(3, (band.height() / 2) | 1);
        Mat ink = new Mat();
        Mat lines = new Mat();
        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        try {
            adaptiveThreshold(grey, ink, 255, ADAPTIVE_THRESH_MEAN_C, THRESH_BINARY_INV, block, INK);
            int run = Math.max(5, (int) Math.round(band.height() * RUN));
            try (Mat kernel = getStructuringElement(MORPH_RECT, new Size(run, 1))) {
                morphologyEx(ink, lines, MORPH_OPEN, kernel);
            }
            subtract(ink, lines, ink);
            int n = connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
            try (IntIndexer s = stats.createIndexer()) {
                for (int i = 1; i < n; i++) {
                    int bw = s.get(i, CC_STAT_WIDTH);
                    int bh = s.get(i, CC_STAT_HEIGHT);
                    int area = s.get(i, CC_STAT_AREA);
                    boolean tall = bh >= band.height() * 0.4 && bh <= band.height() * 0.85 && bh >= 5;
                    boolean shaped = bw <= bh * 0.9 && bw * 10 >= bh;
                    boolean solid = area >= bw * bh * 0.15 && area <= bw * bh * 0.95;
                    if (tall && shaped && solid) {
                        out.add(new Rect(s.get(i, CC_STAT_LEFT), s.get(i, CC_STAT_TOP), bw, bh));
                    }
                }
            }
            return out;
        } finally {
            ink.close();
            lines.close();
            labels.close();
            stats.close();
            centroids.close();
        }
    }
}
