package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY_INV;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_OTSU;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The slant of a one-row plate's characters, and the crop with it taken out, for the glyph classifiers. A plate seen
 * from the side and straightened as a rectangle keeps its characters slanted like italics (cn-crops' `皖A71H99`,
 * `皖AF9F65`): the serial networks learnt upright glyphs and read slanted ones as garbage, while the layout fit, which
 * only needs the glyphs' centres, places them well.
 */
final class GlyphShear {
    /** Whether the glyph read takes the slant out; off only to measure it ({@code -Danpr.unslant=false}). */
    static final boolean ON = Boolean.parseBoolean(System.getProperty("anpr.unslant", "true"));

    /** The slants tried, in x per y (0.35 is about 19° off vertical). */
    static final double MAX = 0.35;

    static final double STEP = 0.05;

    /**
     * Slants smaller than this are left alone: upright plates keep exactly the read they had. A property only to
     * measure other bounds ({@code -Danpr.unslantMin=…}); the shipped value is the measured one.
     */
    static final double MIN = Double.parseDouble(System.getProperty("anpr.unslantMin", "0.15"));

    private GlyphShear() {}

    /**
     * The slant of the characters in {@code band} (x moved per y down, positive when their tops lean right): the shear
     * that makes the ink's column profile sharpest (upright strokes stack in few columns).
     */
    static double of(Mat grey, Rect band) {
        int width = band.width();
        int height = band.height();
        double centre = height / 2.0;
        // the ink pixels, found once; each slant then only moves them (no image is sheared: it is read per glyph read)
        int[] xs = new int[width * height];
        double[] dys = new double[width * height];
        int n = 0;
        try (Mat roi = new Mat(grey, band);
                Mat ink = new Mat()) {
            threshold(roi, ink, 0, 255, THRESH_BINARY_INV | THRESH_OTSU);
            try (UByteIndexer i = ink.createIndexer()) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        if (i.get(y, x) != 0) {
                            xs[n] = x;
                            dys[n++] = y - centre;
                        }
                    }
                }
            }
        }
        double best = 0;
        double bestScore = -1;
        double[] columns = new double[width];
        for (double s = -MAX; s <= MAX + 1e-9; s += STEP) {
            double score = sharpness(xs, dys, n, s, columns);
            // scores within 0.01 % of each other are a tie, and a tie goes to the smaller slant whichever side it
            // leans (the search runs from -MAX up, so "first found" would favour left-leaning slants)
            boolean tie = Math.abs(score - bestScore) <= Math.abs(bestScore) * 1e-4 + 1e-9;
            if (!tie && score > bestScore || tie && Math.abs(s) < Math.abs(best)) {
                bestScore = score;
                best = s;
            }
        }
        return Math.abs(best) < 1e-9 ? 0 : best;
    }

    /**
     * The sum of squared column sums of the ink pixels moved by {@code slant · dy} (larger when strokes stand upright),
     * each pixel shared between its two nearest columns as a linear shear of the image would share it; pixels moved off
     * the band are lost.
     */
    private static double sharpness(int[] xs, double[] dys, int n, double slant, double[] columns) {
        java.util.Arrays.fill(columns, 0);
        for (int k = 0; k < n; k++) {
            double at = xs[k] + slant * dys[k];
            int left = (int) Math.floor(at);
            double share = at - left;
            if (left >= 0 && left < columns.length) {
                columns[left] += 1 - share;
            }
            if (left + 1 >= 0 && left + 1 < columns.length) {
                columns[left + 1] += share;
            }
        }
        double sum = 0;
        for (double c : columns) {
            sum += c * c;
        }
        return sum;
    }

    /**
     * {@code grey} with the slant of {@code band}'s characters taken out about the band's middle row (the glyph boxes'
     * centres stay where the layout fit put them); null when the slant is under {@link #MIN} or {@link #ON} is off.
     */
    static Mat upright(Mat grey, Rect band) {
        if (!ON) {
            return null;
        }
        double slant = of(grey, band);
        if (Math.abs(slant) < MIN) {
            return null;
        }
        return sheared(grey, slant, band.y() + band.height() / 2.0, BORDER_REPLICATE);
    }

    /**
     * {@code grey} made upright ({@link #upright}) about the rows the layout's {@code boxes} span; null when it needs no
     * change. The reader ({@link ChineseGlyphRead}) and the serial trainer ({@link SerialTrainingGlyphs}) both cut
     * their glyphs from it, so the networks learn glyphs as they are read.
     */
    static Mat upright(Mat grey, Rect[] boxes) {
        int top = Integer.MAX_VALUE;
        int bottom = -1;
        int right = 0;
        for (Rect box : boxes) {
            if (box != null) {
                top = Math.min(top, box.y());
                bottom = Math.max(bottom, box.y() + box.height());
                right = Math.max(right, box.x() + box.width());
            }
        }
        if (bottom <= top) {
            return null;
        }
        try (Rect rows = new Rect(0, top, right, bottom - top)) {
            return upright(grey, rows);
        }
    }

    /** {@code image} with x moved by {@code -slant · (y − centreY)}: a slant of {@code slant} made upright. */
    private static Mat sheared(Mat image, double slant, double centreY, int border) {
        Mat out = new Mat();
        try (Mat m = new Mat(2, 3, CV_64F);
                DoubleIndexer i = m.createIndexer();
                Size size = new Size(image.cols(), image.rows());
                Scalar black = new Scalar(0.0)) {
            i.put(0, 0, 1);
            i.put(0, 1, slant);
            i.put(0, 2, -slant * centreY);
            i.put(1, 0, 0);
            i.put(1, 1, 1);
            i.put(1, 2, 0);
            warpAffine(image, out, m, size, INTER_LINEAR, border, black);
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
        return out;
    }
}
