package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_HEIGHT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_LEFT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_TOP;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_WIDTH;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY_INV;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_OTSU;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Where the text rows of a plate crop are, found from its character-sized blobs: one row, or two when the blobs'
 * centres fall into two bands (Vietnamese square and motorbike plates, Chinese rear plates). Works on a grey
 * crop with dark text on a light background.
 *
 * @param top the first (or only) row's band, in crop coordinates
 * @param bottom the second row's band, or {@code null} for a one-row plate
 * @param characters how many character-sized blobs were seen (a region with very few holds no plate)
 */
record PlateRows(Rect top, Rect bottom, int characters) {
    /** A plate narrower than this (width over height) has two rows: one-row plates are at least 3:1. */
    static final double TWO_ROW_SHAPE = 2.3;

    /** Fewer character blobs than this and a region is not worth reading. */
    static final int MIN_CHARACTERS = 3;

    /**
     * Fewer character blobs than this on a finder region split into two rows and it gets no quick OCR call: a two-row
     * plate has seven or more characters; truck fronts and grilles split around three or four blobs cost two OCR calls
     * each and never read as a plate on the benchmark frames or cn-scenes (docs/anpr.md, "Frame time").
     */
    static final int TWO_ROW_CHARACTERS = 5;

    /** A row band's margin above and below its characters, in character heights. */
    static final double MARGIN = 0.2;

    /**
     * The margin above a two-row plate's top row: the frame's top edge, its shadow and the screw holes lie close
     * above it, and any of them inside the band darkens Otsu's threshold and joins the characters' tops into one
     * blob (vn-mixed-silver: 0.2 → 0.05 gave 60.7 → 65.1 %; 0 cut into the characters, 63.7 %).
     */
    static final double TOP_ROW_ABOVE = 0.05;

    boolean twoRows() {
        return bottom != null;
    }

    /** The rows of a grey plate crop (dark text on light). */
    static PlateRows of(Mat grey) {
        return of(grey, characterBlobs(grey));
    }

    /** {@link #of(Mat)} given the crop's {@link #characterBlobs} (left as they are). */
    static PlateRows of(Mat grey, List<Rect> characterBlobs) {
        int w = grey.cols();
        int h = grey.rows();
        List<Rect> blobs = new ArrayList<>(characterBlobs);
        if (blobs.size() < 2) {
            if ((double) w / h < TWO_ROW_SHAPE && h >= 16) {
                return new PlateRows(new Rect(0, 0, w, h / 2), new Rect(0, h / 2, w, h - h / 2), blobs.size());
            }
            return new PlateRows(new Rect(0, 0, w, h), null, blobs.size());
        }
        blobs.sort(Comparator.comparingDouble(PlateRows::centreY));
        double medianHeight = blobs.stream()
                .mapToInt(Rect::height)
                .sorted()
                .skip(blobs.size() / 2)
                .findFirst()
                .orElse(h);
        // the widest gap between consecutive centres splits the rows, if it is a real gap
        int split = -1;
        double widest = 0;
        for (int i = 1; i < blobs.size(); i++) {
            double gap = centreY(blobs.get(i)) - centreY(blobs.get(i - 1));
            if (gap > widest) {
                widest = gap;
                split = i;
            }
        }
        int below = blobs.size() - split;
        // on a two-row-shaped crop one row may show a single blob (its other characters merged with the frame or
        // the dash): the gap still splits the rows when the other row shows at least three
        boolean rowsSeen = split >= 2 && below >= 2
                || (double) w / h < TWO_ROW_SHAPE && split >= 1 && below >= 1 && Math.max(split, below) >= 3;
        if (widest > 0.7 * medianHeight && rowsSeen) {
            Rect top = band(blobs.subList(0, split), w, h, medianHeight, TOP_ROW_ABOVE, MARGIN);
            Rect bottom = band(blobs.subList(split, blobs.size()), w, h, medianHeight);
            int middle = (top.y() + top.height() + bottom.y()) / 2;
            top = new Rect(0, top.y(), w, Math.max(1, Math.min(top.y() + top.height(), middle) - top.y()));
            int bottomY = Math.max(bottom.y(), middle);
            bottom = new Rect(0, bottomY, w, Math.max(1, bottom.y() + bottom.height() - bottomY));
            return new PlateRows(top, bottom, blobs.size());
        }
        Rect only = band(blobs, w, h, medianHeight);
        return (double) w / h < TWO_ROW_SHAPE
                ? otherRow(only, w, h, blobs.size())
                : new PlateRows(only, null, blobs.size());
    }

    /**
     * A two-row-shaped plate where only one row's characters were seen (the other's touch the frame or each
     * other): the rest of the plate above or below that row is taken for the other row.
     */
    private static PlateRows otherRow(Rect seen, int w, int h, int characters) {
        double centre = seen.y() + seen.height() / 2.0;
        if (centre > h * 0.58 && seen.y() > h * 0.25) {
            return new PlateRows(new Rect(0, 0, w, seen.y()), seen, characters);
        }
        int below = seen.y() + seen.height();
        if (centre < h * 0.42 && h - below > h * 0.25) {
            return new PlateRows(seen, new Rect(0, below, w, h - below), characters);
        }
        return new PlateRows(seen, null, characters);
    }

    /** The full-width band holding {@code blobs}, with a margin of a fifth of a character height. */
    private static Rect band(List<Rect> blobs, int w, int h, double charHeight) {
        return band(blobs, w, h, charHeight, MARGIN, MARGIN);
    }

    /** The full-width band holding {@code blobs}, with margins {@code above} and {@code below} in character heights. */
    private static Rect band(List<Rect> blobs, int w, int h, double charHeight, double above, double below) {
        int top = h;
        int bottom = 0;
        for (Rect b : blobs) {
            top = Math.min(top, b.y());
            bottom = Math.max(bottom, b.y() + b.height());
        }
        top = Math.max(0, top - (int) Math.ceil(charHeight * above));
        bottom = Math.min(h, bottom + (int) Math.ceil(charHeight * below));
        return new Rect(0, top, w, Math.max(1, bottom - top));
    }

    private static double centreY(Rect r) {
        return r.y() + r.height() / 2.0;
    }

    /** Bounding boxes of the blobs (of dark ink) shaped like plate characters. */
    static List<Rect> characterBlobs(Mat grey) {
        int h = grey.rows();
        Mat ink = new Mat();
        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        List<Rect> out = new ArrayList<>();
        try {
            threshold(grey, ink, 0, 255, THRESH_BINARY_INV | THRESH_OTSU);
            int n = connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
            try (IntIndexer s = stats.createIndexer()) {
                for (int i = 1; i < n; i++) {
                    int bw = s.get(i, CC_STAT_WIDTH);
                    int bh = s.get(i, CC_STAT_HEIGHT);
                    int area = s.get(i, CC_STAT_AREA);
                    boolean tall = bh >= h * 0.15 && bh <= h * 0.95 && bh >= 5;
                    boolean shaped = bw <= bh * 1.2 && bw * 10 >= bh;
                    boolean solid = area >= bw * bh * 0.15 && area <= bw * bh * 0.95;
                    if (tall && shaped && solid) {
                        out.add(new Rect(s.get(i, CC_STAT_LEFT), s.get(i, CC_STAT_TOP), bw, bh));
                    }
                }
            }
            return keepCommonHeight(out);
        } finally {
            ink.close();
            labels.close();
            stats.close();
            centroids.close();
        }
    }

    /** Drops blobs far from the common character height (screws, dirt, bits of the car around the plate). */
    private static List<Rect> keepCommonHeight(List<Rect> blobs) {
        if (blobs.size() < 3) {
            return blobs;
        }
        int[] heights = blobs.stream().mapToInt(Rect::height).sorted().toArray();
        // the height most blobs share: the median of the taller half (characters are the tallest marks)
        double common = heights[heights.length * 3 / 4];
        List<Rect> kept = new ArrayList<>();
        for (Rect b : blobs) {
            if (b.height() >= common * 0.6 && b.height() <= common * 1.4) {
                kept.add(b);
            }
        }
        return kept;
    }

    /** Whether a finder region's rows hold enough character blobs for a quick read's OCR calls. */
    boolean worthAQuickRead() {
        return characters() >= (twoRows() ? TWO_ROW_CHARACTERS : MIN_CHARACTERS);
    }
}
