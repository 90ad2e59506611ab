package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_HEIGHT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_LEFT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_WIDTH;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;

import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Erases the side edges of a plate frame from a binarised text row. A row band spans the whole crop, and the frame's
 * dark side edge left in it is read by Tesseract as a leading or trailing {@code 1} (vn-mixed-silver's motorbike
 * plates: {@code 63-H3 / 1295} read as {@code 63H311295}). Only the edge's own pixels go, after the threshold, so the
 * rest of the row is binarised exactly as before (cutting the band instead changed Otsu's threshold for the row).
 */
final class FrameEdge {
    /** An edge blob starts within this share of the row's width from the crop's side. */
    static final double NEAR_SIDE = 0.06;
    /**
     * An edge blob is at least this much taller than the row's characters, and each column of its edge line holds
     * more ink than this times a character's height: no column of a character can. (A tight crop's characters fill
     * the band, so the band's height says nothing.)
     */
    static final double TALLER = 1.15;

    private FrameEdge() {}

    /**
     * How far left of a two-row plate's top row its bottom row may start, in character widths: a five-digit bottom row
     * sticks out by up to about 0.8 widths, so its first character still ends right of this. On vn-mixed-silver
     * 0.3 and 0.5 gave the same reads, 0.1 lost 15 crops more.
     */
    static final double BEFORE_TOP = 0.5;

    /** Top-row blobs needed to trust where the top row starts (a motorbike top row has four characters). */
    static final int TOP_SEEN = 4;

    /** Erases (sets to 0) the frame's side edge lines in {@code ink} (ink = 255); returns how many edges went. */
    static int erase(Mat ink) {
        int w = ink.cols();
        int h = ink.rows();
        int near = Math.max(2, (int) Math.ceil(w * NEAR_SIDE));
        int erased = 0;
        try (Mat labels = new Mat();
                Mat stats = new Mat();
                Mat centroids = new Mat()) {
            int n = connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
            try (IntIndexer s = stats.createIndexer();
                    IntIndexer l = labels.createIndexer();
                    UByteIndexer p = ink.createIndexer()) {
                double character = characterHeight(s, n, w, h, near);
                if (character == 0) {
                    return 0;
                }
                int full = (int) Math.ceil(character * TALLER);
                for (int i = 1; i < n; i++) {
                    int left = s.get(i, CC_STAT_LEFT);
                    int right = left + s.get(i, CC_STAT_WIDTH);
                    if (s.get(i, CC_STAT_HEIGHT) < full) {
                        continue;
                    }
                    if (left < near && eraseColumns(l, p, i, left, Math.min(right, left + near * 2), 1, h, full)) {
                        erased++;
                    }
                    if (right > w - near
                            && eraseColumns(
                                    l, p, i, right - 1, Math.max(left - 1, right - 1 - near * 2), -1, h, full)) {
                        erased++;
                    }
                }
            }
        }
        return erased;
    }

    /**
     * Where a two-row plate's bottom row cannot start: {@link #BEFORE_TOP} character widths left of the top row's
     * first character, when the top row shows at least {@link #TOP_SEEN} character blobs (with fewer, its first
     * character may be missing and the top row would seem to start too far right); -1 otherwise. The bottom row is
     * at most about a character wider on each side than the top row, and ink wholly left of this is the frame.
     */
    static int bottomRowStart(Mat grey, PlateRows rows) {
        return rows.twoRows() ? bottomRowStart(PlateRows.characterBlobs(grey), rows) : -1;
    }

    /** {@link #bottomRowStart(Mat, PlateRows)} given the crop's {@link PlateRows#characterBlobs}. */
    static int bottomRowStart(List<Rect> characterBlobs, PlateRows rows) {
        if (!rows.twoRows()) {
            return -1;
        }
        Rect top = rows.top();
        List<Rect> blobs = characterBlobs.stream()
                .filter(b -> b.y() + b.height() / 2 >= top.y() && b.y() + b.height() / 2 < top.y() + top.height())
                .toList();
        if (blobs.size() < TOP_SEEN) {
            return -1;
        }
        int left = blobs.stream().mapToInt(Rect::x).min().orElseThrow();
        int[] widths = blobs.stream().mapToInt(Rect::width).sorted().toArray();
        return left - (int) Math.ceil(widths[widths.length / 2] * BEFORE_TOP);
    }

    /** Erases (sets to 0) every blob of {@code ink} that lies wholly left of column {@code x}. */
    static void clearLeftOf(Mat ink, int x) {
        try (Mat labels = new Mat();
                Mat stats = new Mat();
                Mat centroids = new Mat()) {
            int n = connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
            boolean[] gone = new boolean[n];
            boolean any = false;
            try (IntIndexer s = stats.createIndexer()) {
                for (int i = 1; i < n; i++) {
                    gone[i] = s.get(i, CC_STAT_LEFT) + s.get(i, CC_STAT_WIDTH) <= x;
                    any |= gone[i];
                }
            }
            if (!any) {
                return;
            }
            try (IntIndexer l = labels.createIndexer();
                    UByteIndexer p = ink.createIndexer()) {
                for (int y = 0; y < ink.rows(); y++) {
                    for (int c = 0; c < Math.min(x, ink.cols()); c++) {
                        if (gone[l.get(y, c)]) {
                            p.put(y, c, 0);
                        }
                    }
                }
            }
        }
    }

    /** The median height of the character-shaped blobs away from the sides, or 0 when there are none. */
    private static double characterHeight(IntIndexer s, int n, int w, int h, int near) {
        int[] heights = new int[n];
        int count = 0;
        for (int i = 1; i < n; i++) {
            int left = s.get(i, CC_STAT_LEFT);
            int bw = s.get(i, CC_STAT_WIDTH);
            int bh = s.get(i, CC_STAT_HEIGHT);
            if (left >= near && left + bw <= w - near && bh >= h * 0.3 && bw <= bh * 1.3) {
                heights[count++] = bh;
            }
        }
        if (count == 0) {
            return 0;
        }
        Arrays.sort(heights, 0, count);
        return heights[count / 2];
    }

    /**
     * From {@code from} inwards, erases the blob's pixels in the first run of its tall inked columns: the edge line
     * and any dark margin outside it joined to it. A character merged with the frame's bottom line lies further in,
     * past a short column, and keeps its pixels.
     */
    private static boolean eraseColumns(
            IntIndexer l, UByteIndexer p, int label, int from, int to, int step, int h, int full) {
        boolean seen = false;
        for (int x = from; x != to; x += step) {
            int count = 0;
            for (int y = 0; y < h; y++) {
                if (l.get(y, x) == label) {
                    count++;
                }
            }
            if (count < full) {
                if (seen) {
                    break;
                }
                continue;
            }
            seen = true;
            for (int y = 0; y < h; y++) {
                if (l.get(y, x) == label) {
                    p.put(y, x, 0);
                }
            }
        }
        return seen;
    }
}
