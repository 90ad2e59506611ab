package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Latin plate characters rendered the way {@link SerialClassifier} sees them, for {@link SerialClassifierTrainer}:
 * squeezed to GA 36's narrow 45 × 90 mm shape with the neighbouring characters at their places (57 mm pitch, or the
 * 79 mm gap of the dot), the plate at an angle, the reader's box off by a little, and the blur, low resolution, JPEG
 * and noise of a 94 × 24 crop ({@link ProvinceGlyphRenders}). The first trainer's renders (one lone DejaVu glyph at
 * its own width) left rare letters such as Q, D, W and U to a handful of real glyphs each.
 */
final class SerialGlyphRenders {
    /**
     * Whether a render ends at the pixel size of a real cut rather than scaled back up to its drawing size. Real cuts
     * are small (even-half quartiles 10–11 × 18–20 px), so the 24 × 32 feature window enlarges them and their edges
     * stay blocky; a render brought down to 12–23 px and scaled back up smoothly had half the real glyphs' edge
     * sharpness at the window (Laplacian, 14 against 32–35). Off by default: with strokes one step thinner (which
     * matched the real glyphs' ink share, 35 %) it read no more held-out glyphs (docs/anpr.md, branch cnaug).
     */
    static final boolean AT_CUT_SIZE = Boolean.parseBoolean(System.getProperty("serial.atCutSize", "false"));

    /** A render at cut size is {@code CUT_LOWEST} to {@code CUT_LOWEST + CUT_RANGE - 1} px high, as real cuts are. */
    static final int CUT_LOWEST = Integer.getInteger("serial.cutLowest", 15);

    static final int CUT_RANGE = Integer.getInteger("serial.cutRange", 8);

    private SerialGlyphRenders() {}

    /**
     * A degraded render of {@code clean} (black on white, cut to its ink) cut as {@link SerialGlyphs} cuts it, with
     * two of {@code neighbours} beside it.
     */
    static Mat degrade(Mat clean, List<Mat> neighbours, Random random) {
        Mat glyph = cut(clean, neighbours, random);
        return AT_CUT_SIZE
                ? ProvinceGlyphRenders.lowQuality(glyph, random, CUT_LOWEST, CUT_RANGE, false)
                : ProvinceGlyphRenders.lowQuality(glyph, random);
    }

    /** {@code clean} drawn on a plate at an angle with two neighbours and cut by a box a little off, not yet degraded. */
    static Mat cut(Mat clean, List<Mat> neighbours, Random random) {
        double h = 26 + random.nextInt(10); // character height in px on the drawing canvas
        double mm = h / 90; // px per mm
        int canvasW = (int) Math.round(200 * mm);
        int canvasH = (int) Math.round(140 * mm);
        double background = 0.8 + random.nextDouble() * 0.2;
        Mat canvas = new Mat(canvasH, canvasW, CV_8UC1, Scalar.all(255 * background));
        double cx = canvasW / 2.0;
        double cy = canvasH / 2.0;
        // GA 36 characters are 45 mm wide for 90 mm high; "1" is drawn narrow by the font itself
        double squeeze = 0.45 + random.nextDouble() * 0.1;
        ProvinceGlyphRenders.draw(canvas, clean, cx, cy, h * Math.min(squeeze, aspect(clean)), h);
        // beside it: the next characters at the pitch, or the dot's wider gap on one side (region letter, 1st serial)
        double left = random.nextDouble() < 0.2 ? 79 : 57;
        double right = left == 57 && random.nextDouble() < 0.2 ? 79 : 57;
        for (double at : new double[] {cx - left * mm, cx + right * mm}) {
            if (random.nextDouble() < 0.85) {
                Mat n = neighbours.get(random.nextInt(neighbours.size()));
                ProvinceGlyphRenders.draw(canvas, n, at, cy, h * Math.min(squeeze, aspect(n)), h);
            }
        }
        ProvinceGlyphRenders.perspective(canvas, random, h);
        // the box: 0.62 × 1.1 of the character height, a little off (the blob's centre, or the fitted place)
        double boxH = h * 1.1 * (0.9 + random.nextDouble() * 0.2);
        double boxW = h * 0.62 * (0.85 + random.nextDouble() * 0.3);
        double bx = cx + (random.nextDouble() - 0.5) * 0.25 * h - boxW / 2;
        double by = cy + (random.nextDouble() - 0.5) * 0.15 * h - boxH / 2;
        int x0 = (int) Math.round(Math.max(0, bx));
        int y0 = (int) Math.round(Math.max(0, by));
        int x1 = (int) Math.round(Math.min(canvas.cols(), bx + boxW));
        int y1 = (int) Math.round(Math.min(canvas.rows(), by + boxH));
        Mat glyph = new Mat(canvas, new Rect(x0, y0, x1 - x0, y1 - y0)).clone();
        canvas.close();
        return glyph;
    }

    private static double aspect(Mat glyph) {
        return glyph.cols() / (double) glyph.rows();
    }
}
