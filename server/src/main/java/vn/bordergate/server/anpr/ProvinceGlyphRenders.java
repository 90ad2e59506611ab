package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.min;
import static org.bytedeco.opencv.global.opencv_core.randn;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.erode;
import static org.bytedeco.opencv.global.opencv_imgproc.getPerspectiveTransform;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpPerspective;

import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Province glyphs rendered the way the reader sees them on a real plate, for training {@link ProvinceClassifier}.
 * The first trainer's renders (a lone glyph on white) taught the net little: on real plates the cut box also holds
 * the plate frame on the left and part of the region letter on the right, the stroke weight differs from Noto Sans
 * CJK Bold, the plate is seen at an angle, and the box is often clipped by the crop's edge. Each of these is drawn
 * here at plate proportions (GA 36: 45 × 90 mm characters, centres 38 and 95 mm from the left edge).
 */
final class ProvinceGlyphRenders {
    private static final String LATIN_FONT = "/fonts/DejaVuSansCondensed-Bold-Plates.ttf";

    private ProvinceGlyphRenders() {}

    /** The committed DejaVu Sans Condensed Bold subset, for the region letter beside the province glyph. */
    static java.awt.Font latinFont() throws java.io.IOException, java.awt.FontFormatException {
        try (java.io.InputStream in = ProvinceGlyphRenders.class.getResourceAsStream(LATIN_FONT)) {
            return java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, in).deriveFont(64f);
        }
    }

    /**
     * Clean renders of the region letters (GA 36 has no I or O), drawn beside a province render where its box reaches
     * them; the caller closes them.
     */
    static java.util.List<Mat> regionLetters() throws java.io.IOException, java.awt.FontFormatException {
        java.awt.Font latin = latinFont();
        java.util.List<Mat> out = new java.util.ArrayList<>();
        for (char l : "ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray()) {
            out.add(ProvinceClassifierTrainer.render(latin, l));
        }
        return out;
    }

    /** A clean glyph (black on white, cut to its ink) with its strokes grown ({@code weight > 0}) or thinned. */
    static Mat weighted(Mat clean, int weight) {
        Mat out = clean.clone();
        if (weight != 0) {
            int k = Math.abs(weight) * 2 + 1;
            try (Mat kernel = getStructuringElement(MORPH_ELLIPSE, new Size(k, k))) {
                if (weight > 0) {
                    erode(out, out, kernel); // dark ink grows
                } else {
                    dilate(out, out, kernel); // dark ink thins
                }
            }
        }
        return out;
    }

    /**
     * A degraded province glyph cut as {@link ProvinceGlyph#box} cuts it. {@code neighbour} is a clean Latin letter
     * (the region letter right of the province), drawn at its place when the box reaches it.
     */
    static Mat degrade(Mat clean, Mat neighbour, Random random) {
        return degrade(clean, neighbour, random, 12, 12);
    }

    /**
     * As {@link #degrade(Mat, Mat, Random)}, the glyph brought down to {@code lowest} to {@code lowest + range - 1} px
     * high: scene photos show the province 20–50 px high, sharper than a small crop's 10 × 18 px.
     */
    static Mat degrade(Mat clean, Mat neighbour, Random random, int lowest, int range) {
        double h = 26 + random.nextInt(10); // character height in px on the drawing canvas
        double mm = h / 90; // px per mm
        int canvasW = (int) Math.round(140 * mm);
        int canvasH = (int) Math.round(140 * mm);
        double background = 0.8 + random.nextDouble() * 0.2;
        Mat canvas = new Mat(canvasH, canvasW, CV_8UC1, Scalar.all(255 * background));
        double cx = 38 * mm + 10 * mm; // the plate's left edge sits 10 mm into the canvas
        double cy = canvasH / 2.0;
        draw(canvas, clean, cx, cy, h * (0.47 + random.nextDouble() * 0.1), h);
        if (random.nextDouble() < 0.75) {
            draw(canvas, neighbour, cx + 57 * mm, cy, h * 0.5, h);
        }
        if (random.nextDouble() < 0.6) {
            // the frame: a line a few mm inside the plate's edge, and the world beyond the edge
            int edge = (int) Math.round(10 * mm + (random.nextDouble() * 8 - 3) * mm);
            int line = (int) Math.round(edge + (2 + random.nextDouble() * 3) * mm);
            int thick = Math.max(1, (int) Math.round((1 + random.nextDouble() * 2) * mm));
            rectangle(canvas, new Point(line, 0), new Point(line + thick, canvasH), Scalar.all(0), -1, 8, 0);
            if (random.nextBoolean() && edge > 0) {
                rectangle(canvas, new Point(0, 0), new Point(edge, canvasH), Scalar.all(random.nextInt(200)), -1, 8, 0);
            }
        }
        perspective(canvas, random, h);
        // the box: 0.62 × 1.1 of the character height, off by up to a fifth of the height sideways
        double boxH = h * 1.1 * (0.9 + random.nextDouble() * 0.25);
        double boxW = h * 0.62 * (0.9 + random.nextDouble() * 0.25);
        double bx = cx + (random.nextDouble() - 0.5) * 0.4 * h - boxW / 2;
        double by = cy + (random.nextDouble() - 0.5) * 0.2 * h - boxH / 2;
        Rect box = new Rect((int) Math.round(bx), (int) Math.round(by), (int) Math.round(boxW), (int) Math.round(boxH));
        if (random.nextDouble() < 0.15) {
            // clipped by the crop's edge: the reader keeps only the part on the crop and scales it to the window
            int cut = (int) Math.round(random.nextDouble() * 0.3 * (random.nextBoolean() ? box.width() : box.height()));
            box = random.nextBoolean()
                    ? new Rect(
                            box.x() + Math.min(cut, box.width() / 3),
                            box.y(),
                            box.width() - Math.min(cut, box.width() / 3),
                            box.height())
                    : new Rect(
                            box.x(),
                            box.y() + Math.min(cut, box.height() / 3),
                            box.width(),
                            box.height() - Math.min(cut, box.height() / 3));
        }
        int x0 = Math.max(0, box.x());
        int y0 = Math.max(0, box.y());
        int x1 = Math.min(canvas.cols(), box.x() + box.width());
        int y1 = Math.min(canvas.rows(), box.y() + box.height());
        Mat glyph = new Mat(canvas, new Rect(x0, y0, x1 - x0, y1 - y0)).clone();
        canvas.close();
        return lowQuality(glyph, random, lowest, range, true);
    }

    /** Draws a glyph squeezed to {@code width} × {@code height} centred at ({@code cx}, {@code cy}), as dark ink. */
    static void draw(Mat canvas, Mat glyph, double cx, double cy, double width, double height) {
        int w = Math.max(2, (int) Math.round(width));
        int hh = Math.max(2, (int) Math.round(height));
        Rect at = new Rect((int) Math.round(cx - w / 2.0), (int) Math.round(cy - hh / 2.0), w, hh);
        if (at.x() < 0 || at.y() < 0 || at.x() + w > canvas.cols() || at.y() + hh > canvas.rows()) {
            return;
        }
        try (Mat small = new Mat();
                Mat target = new Mat(canvas, at)) {
            resize(glyph, small, new Size(w, hh), 0, 0, INTER_AREA);
            min(target, small, target);
        }
    }

    /** The plate seen at an angle: each corner moved by up to 12 % of the character height, and some rotation. */
    static void perspective(Mat canvas, Random random, double h) {
        float w = canvas.cols();
        float hh = canvas.rows();
        double j = 0.12 * h;
        double tilt = (random.nextDouble() - 0.5) * 0.16 * h; // about ±5° over the glyph
        float[] src = {0, 0, w, 0, w, hh, 0, hh};
        float[] dst = new float[8];
        for (int i = 0; i < 8; i++) {
            dst[i] = (float) (src[i] + (random.nextDouble() - 0.5) * 2 * j);
        }
        dst[1] -= (float) tilt;
        dst[3] += (float) tilt;
        dst[5] += (float) tilt;
        dst[7] -= (float) tilt;
        try (Mat from = new Mat(4, 1, org.bytedeco.opencv.global.opencv_core.CV_32FC2);
                Mat to = new Mat(4, 1, org.bytedeco.opencv.global.opencv_core.CV_32FC2)) {
            try (var f = from.<org.bytedeco.javacpp.indexer.FloatIndexer>createIndexer();
                    var t = to.<org.bytedeco.javacpp.indexer.FloatIndexer>createIndexer()) {
                for (int i = 0; i < 4; i++) {
                    f.put(i, 0, 0, src[2 * i]);
                    f.put(i, 0, 1, src[2 * i + 1]);
                    t.put(i, 0, 0, dst[2 * i]);
                    t.put(i, 0, 1, dst[2 * i + 1]);
                }
            }
            try (Mat m = getPerspectiveTransform(from, to)) {
                Scalar fill = Scalar.all(canvas.ptr(0, canvas.cols() - 1).get() & 0xff);
                warpPerspective(canvas, canvas, m, canvas.size(), INTER_LINEAR, 0, fill);
            }
        }
    }

    /** Blur, low resolution, JPEG, contrast and noise, as in a 94 × 24 crop where the glyph is about 10 × 18 px. */
    static Mat lowQuality(Mat box, Random random) {
        return lowQuality(box, random, 12, 12, true);
    }

    /**
     * As {@link #lowQuality(Mat, Random)}, the glyph brought down to {@code lowest} to {@code lowest + range - 1} px
     * high, and scaled back to the box's size only when {@code scaledBack}.
     */
    static Mat lowQuality(Mat box, Random random, int lowest, int range, boolean scaledBack) {
        double sigma = random.nextDouble() * 1.6;
        if (sigma > 0.3) {
            GaussianBlur(box, box, new Size(0, 0), sigma);
        }
        int lowH = lowest + random.nextInt(range);
        int lowW = Math.max(4, (int) Math.round(lowH * box.cols() / (double) box.rows()));
        Mat low = new Mat();
        resize(box, low, new Size(lowW, lowH), 0, 0, INTER_AREA);
        if (random.nextDouble() < 0.3) {
            try (BytePointer jpeg = new BytePointer()) {
                int quality = 40 + random.nextInt(50);
                opencv_imgcodecs.imencode(
                        ".jpg",
                        low,
                        jpeg,
                        new org.bytedeco.javacpp.IntPointer(opencv_imgcodecs.IMWRITE_JPEG_QUALITY, quality));
                Mat decoded = opencv_imgcodecs.imdecode(new Mat(jpeg), opencv_imgcodecs.IMREAD_GRAYSCALE);
                low.close();
                low = decoded;
            }
        }
        Mat out = low;
        if (scaledBack) {
            out = new Mat();
            resize(low, out, box.size(), 0, 0, INTER_LINEAR);
            low.close();
        }
        box.close();
        double ink = random.nextDouble() * 90;
        double paper = Math.max(ink + 70, 140 + random.nextDouble() * 115);
        inkOnPaper(out, ink, paper, random.nextDouble() * 8);
        return out;
    }

    /** Maps a black-on-white glyph image in place to these ink and paper greys, with Gaussian noise. */
    static void inkOnPaper(Mat glyph, double ink, double paper, double noiseSigma) {
        Mat converted = new Mat();
        glyph.convertTo(converted, CV_32F, (paper - ink) / 255.0, ink);
        Mat noise = new Mat(converted.size(), CV_32F);
        randn(noise, new Mat(1, 1, CV_32F, Scalar.all(0)), new Mat(1, 1, CV_32F, Scalar.all(noiseSigma)));
        add(converted, noise, converted);
        converted.convertTo(glyph, CV_8UC1);
        converted.close();
        noise.close();
    }
}
