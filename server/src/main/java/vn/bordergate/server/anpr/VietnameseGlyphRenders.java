package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.randn;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.erode;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.font.GlyphVector;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Renders of plate glyphs for the {@link VietnameseGlyphClassifier} network ({@link VietnameseGlyphExport} writes
 * them for {@code server/tools/train_vn_glyph_cnn.py}). Each glyph is a render of one of the {@code .ttf} fonts of
 * {@code server/tools/plate-fonts} (open-licence condensed faces, see its README), with random neighbours at random
 * spacing, stretched, tilted, thickened or thinned, cut the way the reader cuts a character blob
 * ({@link VietnameseGlyphs#frame}) and degraded (low resolution, blur, contrast, noise, the frame's edge).
 */
final class VietnameseGlyphRenders {
    private static final int CANVAS = 256;
    private static final double MIN_HEIGHT = 13;
    private static final double MAX_HEIGHT = 38;
    private static final double STRETCH_MIN = 0.95;
    private static final double STRETCH_MAX = 1.5;
    private static final double NOISE = 8;
    private static final double BLUR = 0.9;

    private VietnameseGlyphRenders() {}

    /** Every {@code .ttf} of the folder, sorted by name (so a run is repeatable), at 64 pt. */
    static List<Font> fonts(Path folder) throws Exception {
        List<Font> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".ttf")).sorted().toList()) {
                out.add(Font.createFont(Font.TRUETYPE_FONT, file.toFile()).deriveFont(64f));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no .ttf fonts in " + folder);
        }
        return out;
    }

    /** One degraded glyph of {@code c}, boxed like the reader's boxes. */
    static Mat sample(Font font, char c, Random random) {
        String classes = VietnameseGlyphClassifier.CLASSES;
        char left = classes.charAt(random.nextInt(classes.length()));
        char right = classes.charAt(random.nextInt(classes.length()));
        BufferedImage image = new BufferedImage(CANVAS, CANVAS / 2, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(java.awt.Color.BLACK);
        GlyphVector glyphs = font.createGlyphVector(g.getFontRenderContext(), new char[] {left, c, right});
        // plate characters stand further apart than type: tracking of 0.05–0.3 of the character height
        Rectangle own = glyphs.getGlyphPixelBounds(1, g.getFontRenderContext(), 0, 0);
        double tracking = own.height * (0.05 + random.nextDouble() * 0.25);
        for (int i = 1; i < 3; i++) {
            Point2D p = glyphs.getGlyphPosition(i);
            glyphs.setGlyphPosition(i, new Point2D.Double(p.getX() + tracking * i, p.getY()));
        }
        Rectangle middle = glyphs.getGlyphPixelBounds(1, g.getFontRenderContext(), 0, 0);
        float x = (float) (CANVAS / 2.0 - middle.getCenterX());
        float y = (float) (CANVAS / 4.0 - middle.getCenterY());
        g.drawGlyphVector(glyphs, x, y);
        g.dispose();
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        Mat big = new Mat(image.getHeight(), image.getWidth(), CV_8UC1, new BytePointer(pixels)).clone();
        // the character's height on the plate photo, and how much wider or narrower than the font it is printed
        double height = MIN_HEIGHT + random.nextDouble() * (MAX_HEIGHT - MIN_HEIGHT);
        double scaleY = height / middle.height;
        // plate digits are wider than condensed type (a plate 0 is about 0.6 of its height)
        double scaleX = scaleY * (STRETCH_MIN + random.nextDouble() * (STRETCH_MAX - STRETCH_MIN));
        Mat small = transformed(big, scaleX, scaleY, random);
        big.close();
        int stroke = random.nextInt(5);
        if (stroke == 1 || stroke == 2) {
            try (Mat kernel = getStructuringElement(MORPH_RECT, new Size(stroke == 1 ? 2 : 1, 2))) {
                erode(small, small, kernel); // dark ink grows
            }
        } else if (stroke == 3) {
            try (Mat kernel = getStructuringElement(MORPH_RECT, new Size(2, 1))) {
                dilate(small, small, kernel); // dark ink thins
            }
        }
        // where the reader would box it: the ink's centre and height, as Otsu sees them, a pixel or so off
        double cx = small.cols() / 2.0 + (random.nextDouble() - 0.5) * 0.12 * height;
        double cy = small.rows() / 2.0 + (random.nextDouble() - 0.5) * 0.1 * height;
        double seen = height * (0.93 + random.nextDouble() * 0.14);
        Rect box = VietnameseGlyphs.frame(small, cx, cy, seen);
        Mat glyph = VietnameseGlyphs.cut(small, box);
        small.close();
        if (random.nextDouble() < 0.1) {
            // the frame's top or bottom edge inside the box
            int row = random.nextBoolean() ? random.nextInt(2) : glyph.rows() - 1 - random.nextInt(2);
            line(glyph, new Point(0, row), new Point(glyph.cols(), row), Scalar.all(random.nextInt(80)));
        }
        return degraded(glyph, random);
    }

    /** The canvas scaled (and slightly rotated and sheared) about its centre, to a small image around the glyph. */
    private static Mat transformed(Mat big, double scaleX, double scaleY, Random random) {
        double angle = Math.toRadians((random.nextDouble() - 0.5) * 6);
        double shear = (random.nextDouble() - 0.5) * 0.12;
        int w = (int) Math.ceil(CANVAS * scaleX);
        int h = (int) Math.ceil(CANVAS / 2.0 * scaleY);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        // maps canvas (u, v) around its centre to the small image around its centre
        double a = scaleX * cos;
        double b = scaleX * (shear * cos - sin);
        double d = scaleY * sin;
        double e = scaleY * cos;
        double u0 = CANVAS / 2.0;
        double v0 = CANVAS / 4.0;
        Mat m = new Mat(2, 3, CV_32F);
        try (FloatIndexer i = m.createIndexer()) {
            i.put(0, 0, (float) a);
            i.put(0, 1, (float) b);
            i.put(0, 2, (float) (w / 2.0 - a * u0 - b * v0));
            i.put(1, 0, (float) d);
            i.put(1, 1, (float) e);
            i.put(1, 2, (float) (h / 2.0 - d * u0 - e * v0));
        }
        Mat smooth = new Mat();
        // blur before shrinking, like a lens: keeps thin strokes grey instead of dropping them
        GaussianBlur(big, smooth, new Size(0, 0), 0.4 / Math.min(scaleX, scaleY));
        Mat out = new Mat();
        warpAffine(smooth, out, m, new Size(w, h), INTER_AREA, 0, Scalar.all(255));
        smooth.close();
        m.close();
        return out;
    }

    /** Low resolution, blur, contrast and noise, as on a 90 × 20 px plate photo. */
    private static Mat degraded(Mat glyph, Random random) {
        double sigma = random.nextDouble() * BLUR;
        if (sigma > 0.3) {
            GaussianBlur(glyph, glyph, new Size(0, 0), sigma);
        }
        if (random.nextDouble() < 0.3) {
            double factor = 0.55 + random.nextDouble() * 0.35;
            Mat low = new Mat();
            resize(
                    glyph,
                    low,
                    new Size(Math.max(3, (int) Math.round(glyph.cols() * factor)), Math.max(5, (int)
                            Math.round(glyph.rows() * factor))),
                    0,
                    0,
                    INTER_AREA);
            resize(low, glyph, glyph.size(), 0, 0, INTER_LINEAR);
            low.close();
        }
        Mat converted = new Mat();
        double ink = 10 + random.nextDouble() * 100;
        double paper = Math.max(ink + 40, 120 + random.nextDouble() * 125);
        glyph.convertTo(converted, CV_32F, (paper - ink) / 255.0, ink);
        Mat noise = new Mat(converted.size(), CV_32F);
        randn(
                noise,
                new Mat(1, 1, CV_32F, Scalar.all(0)),
                new Mat(1, 1, CV_32F, Scalar.all(random.nextDouble() * NOISE)));
        add(converted, noise, converted);
        Mat out = new Mat();
        converted.convertTo(out, CV_8UC1);
        converted.close();
        noise.close();
        glyph.close();
        return out;
    }
}
