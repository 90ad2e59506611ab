package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.HOGDescriptor;

/**
 * Where the first (province) character of a one-row Chinese plate is, and its HOG features. The province glyph
 * breaks into several small blobs, so it is found from the Latin characters right of it: one character pitch
 * left of the leftmost character-sized blob, unless that blob is itself the seventh-from-right character or the
 * third, the first after the dot ({@link #afterDot}).
 */
final class ProvinceGlyph {
    /** The glyph is scaled to this size (width × height) before HOG: a Chinese plate character is 45 × 90 mm. */
    static final int WIDTH = 24;

    static final int HEIGHT = 32;

    private static final ThreadLocal<HOGDescriptor> HOG = ThreadLocal.withInitial(
            () -> new HOGDescriptor(new Size(WIDTH, HEIGHT), new Size(8, 8), new Size(4, 4), new Size(4, 4), 9));

    private ProvinceGlyph() {}

    /** The province glyph's box in a grey crop (dark text on light), or null when too few characters are seen. */
    static Rect box(Mat grey, Rect band) {
        List<Rect> blobs = new ArrayList<>();
        for (Rect b : PlateRows.characterBlobs(grey)) {
            double cy = b.y() + b.height() / 2.0;
            if (cy >= band.y() && cy <= band.y() + band.height()) {
                blobs.add(b);
            }
        }
        dropFrameEdge(blobs);
        if (blobs.size() < 3) {
            return byShape(grey, band);
        }
        blobs.sort(Comparator.comparingInt(Rect::x));
        double height = median(blobs.stream().mapToDouble(Rect::height).toArray());
        double[] steps = new double[blobs.size() - 1];
        for (int i = 1; i < blobs.size(); i++) {
            steps[i - 1] = centreX(blobs.get(i)) - centreX(blobs.get(i - 1));
        }
        double pitch = Math.max(height * 0.45, median(steps));
        Rect first = blobs.get(0);
        double w = height * 0.62;
        // seven or more blobs: the glyph held together and is the leftmost blob itself
        double centre = blobs.size() >= 7
                ? centreX(first)
                : centreX(first) - pitch * (afterDot(blobs, pitch, w) ? DOT_PITCHES + 1.05 : 1.05);
        double cy = first.y() + first.height() / 2.0;
        double h = height * 1.1;
        int x0 = (int) Math.round(Math.max(0, centre - w / 2));
        int y0 = (int) Math.round(Math.max(0, cy - h / 2));
        int x1 = (int) Math.round(Math.min(grey.cols(), centre + w / 2));
        int y1 = (int) Math.round(Math.min(grey.rows(), cy + h / 2));
        if (x1 - x0 < Math.max(3, w * 0.4) || y1 - y0 < 5) {
            return null;
        }
        return new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    /** GA 36 plate: from the region letter's centre to the next character's, in character pitches (79 / 57 mm). */
    private static final double DOT_PITCHES = 1.386;

    /**
     * Whether the leftmost blob is the third character, the first after the dot, the region letter not seen as a
     * blob (touching the frame or the dot): it is then four pitches left of the last character (from the second
     * it would be 4.39), its step to the next blob is a whole number of pitches (from the region letter it is
     * 1.39, 2.39, ...), and the crop has room for the region letter and the glyph left of it. Without the check the
     * box sat on the region letter (cn-scenes easypr_161 粤AA0825, read 皖).
     */
    static boolean afterDot(List<Rect> blobs, double pitch, double glyphWidth) {
        if (!AFTER_DOT || blobs.size() < 3) {
            return false;
        }
        double left = centreX(blobs.get(0));
        double span = (centreX(blobs.get(blobs.size() - 1)) - left) / pitch;
        double step = (centreX(blobs.get(1)) - left) / pitch;
        boolean whole = Math.abs(step - Math.rint(step)) < 0.2;
        boolean room = left - (DOT_PITCHES + 1.05) * pitch - glyphWidth / 2 >= -glyphWidth * 0.2;
        return Math.abs(span - 4) < 0.19 && whole && room;
    }

    /** Whether {@link #afterDot} is applied; off only to measure it ({@code -Danpr.afterDot=false}). */
    static final boolean AFTER_DOT = Boolean.parseBoolean(System.getProperty("anpr.afterDot", "true"));

    /**
     * Drops slivers at the crop's left edge: the plate's frame or the world beyond it, cut by the crop. Taken for the
     * leftmost character, such a sliver put the province box a pitch left of it, off the plate (cn-scenes photos whose
     * tight cut starts on the frame; docs/anpr.md, "Scenes: the province box off the frame edge").
     */
    static void dropFrameEdge(List<Rect> blobs) {
        if (!FRAME_EDGE || blobs.size() < 4) {
            return;
        }
        double width = median(blobs.stream().mapToDouble(Rect::width).toArray());
        blobs.removeIf(b -> b.x() <= 1 && b.width() < width * 0.5);
    }

    /** Whether {@link #dropFrameEdge} is applied; off only to measure it ({@code -Danpr.frameEdgeBlob=false}). */
    static final boolean FRAME_EDGE = Boolean.parseBoolean(System.getProperty("anpr.frameEdgeBlob", "true"));

    /**
     * Without enough character blobs (characters touching the frame or each other): where the province glyph
     * sits on a tightly cut one-row Chinese plate (440 × 140 mm, first character 45 × 90 mm about 10 mm in).
     */
    private static Rect byShape(Mat grey, Rect band) {
        double shape = (double) grey.cols() / Math.max(1, band.height());
        if (shape < 2.8 || shape > 5.5) {
            return null;
        }
        int x0 = (int) Math.round(grey.cols() * 0.02);
        int x1 = (int) Math.round(grey.cols() * 0.145);
        int y0 = band.y() + (int) Math.round(band.height() * 0.08);
        int y1 = band.y() + (int) Math.round(band.height() * 0.92);
        return x1 - x0 < 3 || y1 - y0 < 5 ? null : new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    /**
     * The cuts a glyph is classified in: its box, and the box moved by a pixel left, right, up and down. A box is
     * placed to a pixel or two, and the classifiers, trained on few real glyphs, change their mind over one pixel;
     * the average of five cuts was right more often on the held-out cn-crops half (docs/anpr.md, "Five cuts").
     */
    private static final int[][] CUTS = {{0, 0}, {-1, 0}, {1, 0}, {0, -1}, {0, 1}};

    /** A classifier's probabilities for the glyph in {@code box}, averaged over the {@link #CUTS} on the crop. */
    static double[] averaged(Mat grey, Rect box, Function<float[], double[]> classifier) {
        double[] sum = null;
        List<float[]> cuts = cutFeatures(grey, box);
        for (float[] features : cuts) {
            double[] p = classifier.apply(features);
            if (sum == null) {
                sum = new double[p.length];
            }
            for (int i = 0; i < p.length; i++) {
                sum[i] += p[i];
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= cuts.size();
        }
        return sum;
    }

    /** The features of the glyph in {@code box} in each of the {@link #CUTS} that stays on the crop (the box always). */
    static List<float[]> cutFeatures(Mat grey, Rect box) {
        List<float[]> out = new ArrayList<>();
        for (int[] d : CUTS) {
            int x = box.x() + d[0];
            int y = box.y() + d[1];
            if (!out.isEmpty() && (x < 0 || y < 0 || x + box.width() > grey.cols() || y + box.height() > grey.rows())) {
                continue;
            }
            try (Mat glyph = new Mat(grey, new Rect(x, y, box.width(), box.height()))) {
                out.add(features(glyph));
            }
        }
        return out;
    }

    /** How many features {@link #features} gives a glyph. */
    static int featureLength() {
        return (int) HOG.get().getDescriptorSize();
    }

    /** HOG features of a glyph image (grey, dark on light, any size). */
    static float[] features(Mat glyph) {
        Mat scaled = new Mat();
        FloatPointer out = new FloatPointer();
        try {
            resize(glyph, scaled, new Size(WIDTH, HEIGHT), 0, 0, INTER_AREA);
            HOGDescriptor hog = HOG.get();
            hog.compute(scaled, out);
            float[] values = new float[(int) hog.getDescriptorSize()];
            out.get(values);
            return values;
        } finally {
            scaled.close();
            out.close();
        }
    }

    static double centreX(Rect r) {
        return r.x() + r.width() / 2.0;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }
}
