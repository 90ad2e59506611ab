package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.bitwise_not;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_HEIGHT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_LEFT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_TOP;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_WIDTH;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY_INV;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_OTSU;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;
import static org.bytedeco.opencv.global.opencv_imgproc.createCLAHE;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_imgproc.CLAHE;

/**
 * Turns one text row of a grey plate crop (dark text on light) into the image Tesseract reads best: binarised,
 * the plate's frame lines, screws and dirt removed (only character-sized blobs are kept), cropped to the
 * characters, scaled to a fixed text height and given a white margin.
 */
final class LineImage {
    /** Height the row is binarised at. */
    static final int WORK_HEIGHT = 64;
    /** Height of the characters as given to Tesseract. */
    static final int TEXT_HEIGHT = 40;
    /** White margin around the characters. */
    static final int MARGIN = 12;

    /** How to separate text from background. */
    enum Binarisation {
        /** One global threshold (Otsu), nothing removed: the plain read. */
        PLAIN,
        /** One global threshold (Otsu), frame and specks removed: best for evenly lit plates. */
        GLOBAL,
        /** Contrast normalised (CLAHE) before one threshold: for glare, shadows and night. */
        EQUALISED,
        /** One global threshold at a smaller scale. */
        SMALL
    }

    private LineImage() {}

    /** The Tesseract-ready image of the band {@code band} of {@code grey}, or null when nothing is in it. */
    static Mat of(Mat grey, Rect band, Binarisation binarisation) {
        return of(grey, band, binarisation, false);
    }

    /**
     * As {@link #of(Mat, Rect, Binarisation)}; with {@code frameEdges} the frame's thin side edges are erased after
     * the threshold ({@link FrameEdge}).
     */
    static Mat of(Mat grey, Rect band, Binarisation binarisation, boolean frameEdges) {
        return of(grey, band, binarisation, frameEdges, -1);
    }

    /**
     * As {@link #of(Mat, Rect, Binarisation, boolean)}; ink lying wholly left of {@code clearLeftOf} (a column of
     * {@code grey}; -1 for none) is erased after the threshold ({@link FrameEdge#clearLeftOf}).
     */
    static Mat of(Mat grey, Rect band, Binarisation binarisation, boolean frameEdges, int clearLeftOf) {
        return of(grey, band, binarisation, frameEdges, clearLeftOf, false);
    }

    /**
     * As {@link #of(Mat, Rect, Binarisation, boolean, int)}; with {@code frameTop} a bar of ink across the row's top
     * (the frame's top edge over a two-row plate's top row) is erased after the threshold ({@link FrameTop}).
     */
    static Mat of(
            Mat grey, Rect band, Binarisation binarisation, boolean frameEdges, int clearLeftOf, boolean frameTop) {
        return of(grey, band, binarisation, frameEdges, clearLeftOf, frameTop, false);
    }

    /**
     * As {@link #of(Mat, Rect, Binarisation, boolean, int, boolean)}; with {@code frameBottom} a bar of ink across the
     * row's bottom (the frame's bottom edge under a two-row plate's bottom row) is erased before the frame's sides
     * ({@link FrameTop#clearBottom}), which then stand apart; null when there is no such bar.
     */
    static Mat of(
            Mat grey,
            Rect band,
            Binarisation binarisation,
            boolean frameEdges,
            int clearLeftOf,
            boolean frameTop,
            boolean frameBottom) {
        Mat scaled = new Mat();
        double scaleX;
        try (Mat row = new Mat(grey, band)) {
            int height = binarisation == Binarisation.SMALL ? 44 : WORK_HEIGHT;
            double scale = (double) height / band.height();
            int width = Math.max(1, (int) Math.round(band.width() * scale));
            scaleX = (double) width / band.width();
            resize(row, scaled, new Size(width, height), 0, 0, scale > 1 ? INTER_CUBIC : INTER_AREA);
        }
        Mat ink = new Mat();
        if (binarisation == Binarisation.EQUALISED) {
            try (CLAHE clahe = createCLAHE(2.0, new Size(Math.max(1, scaled.cols() / WORK_HEIGHT), 1))) {
                clahe.apply(scaled, scaled);
            }
        }
        threshold(scaled, ink, 0, 255, THRESH_BINARY_INV | THRESH_OTSU);
        if (frameTop) {
            FrameTop.clear(ink);
        }
        if (frameBottom && FrameTop.clearBottom(ink) == 0) {
            // no bar: the image would be the one already read
            ink.close();
            scaled.close();
            return null;
        }
        scaled.close();
        if (frameEdges) {
            FrameEdge.erase(ink);
        }
        if (clearLeftOf > band.x()) {
            FrameEdge.clearLeftOf(ink, (int) Math.round((clearLeftOf - band.x()) * scaleX));
        }
        if (binarisation != Binarisation.GLOBAL) {
            Mat out = new Mat();
            bitwise_not(ink, ink);
            copyMakeBorder(ink, out, MARGIN, MARGIN, MARGIN, MARGIN, BORDER_CONSTANT, new Scalar(255, 255, 255, 0));
            ink.close();
            return out;
        }
        removeLongLines(ink);
        Mat text = characters(ink);
        ink.close();
        return text;
    }

    /** Wipes the long horizontal and vertical strokes of a plate frame (on ink = 255). */
    private static void removeLongLines(Mat ink) {
        int w = ink.cols();
        int h = ink.rows();
        try (Mat horizontal = new Mat();
                Mat vertical = new Mat();
                Mat hKernel = getStructuringElement(MORPH_RECT, new Size(Math.max(3, w / 3), 1));
                Mat vKernel = getStructuringElement(MORPH_RECT, new Size(1, Math.max(3, (int) (h * 0.9))))) {
            morphologyEx(ink, horizontal, MORPH_OPEN, hKernel);
            subtract(ink, horizontal, ink);
            morphologyEx(ink, vertical, MORPH_OPEN, vKernel);
            subtract(ink, vertical, ink);
        }
    }

    /**
     * Keeps the blobs that are character-sized, draws them black on white, crops to them and scales them to
     * {@link #TEXT_HEIGHT}.
     */
    private static Mat characters(Mat ink) {
        int w = ink.cols();
        int h = ink.rows();
        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        try {
            int n = connectedComponentsWithStats(
                    ink, labels, stats, centroids, 8, org.bytedeco.opencv.global.opencv_core.CV_32S);
            boolean[] keep = new boolean[n];
            int left = w;
            int top = h;
            int right = 0;
            int bottom = 0;
            int kept = 0;
            try (IntIndexer s = stats.createIndexer()) {
                for (int i = 1; i < n; i++) {
                    int bw = s.get(i, CC_STAT_WIDTH);
                    int bh = s.get(i, CC_STAT_HEIGHT);
                    int area = s.get(i, CC_STAT_AREA);
                    boolean tall = bh >= h * 0.3 && bh <= h * 0.98;
                    boolean narrow = bw <= bh * 1.3 && bw >= 2;
                    boolean solid = area >= bw * bh * 0.12;
                    if (tall && narrow && solid) {
                        keep[i] = true;
                        kept++;
                        left = Math.min(left, s.get(i, CC_STAT_LEFT));
                        top = Math.min(top, s.get(i, CC_STAT_TOP));
                        right = Math.max(right, s.get(i, CC_STAT_LEFT) + bw);
                        bottom = Math.max(bottom, s.get(i, CC_STAT_TOP) + bh);
                    }
                }
            }
            if (kept == 0) {
                return null;
            }
            Mat page = new Mat(h, w, CV_8U, new Scalar(255));
            try (IntIndexer l = labels.createIndexer();
                    UByteIndexer p = page.createIndexer()) {
                for (int y = top; y < bottom; y++) {
                    for (int x = left; x < right; x++) {
                        if (keep[l.get(y, x)]) {
                            p.put(y, x, 0);
                        }
                    }
                }
            }
            return framed(page, new Rect(left, top, right - left, bottom - top));
        } finally {
            labels.close();
            stats.close();
            centroids.close();
        }
    }

    private static Mat framed(Mat page, Rect text) {
        Mat scaled = new Mat();
        try (Mat crop = new Mat(page, text)) {
            double scale = (double) TEXT_HEIGHT / text.height();
            int width = Math.max(1, (int) Math.round(text.width() * scale));
            resize(crop, scaled, new Size(width, TEXT_HEIGHT), 0, 0, scale > 1 ? INTER_CUBIC : INTER_AREA);
        }
        page.close();
        // resizing greys the edges again; a fixed cut keeps the strokes' weight
        threshold(scaled, scaled, 160, 255, org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY);
        Mat out = new Mat();
        copyMakeBorder(scaled, out, MARGIN, MARGIN, MARGIN, MARGIN, BORDER_CONSTANT, new Scalar(255, 255, 255, 0));
        scaled.close();
        return out;
    }
}
