package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.erode;
import static org.bytedeco.opencv.global.opencv_imgproc.getRotationMatrix2D;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.GlyphVector;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_ml.ANN_MLP;

/**
 * Trains the {@link ProvinceClassifier} network. Not part of the build: run it by hand and commit the model.
 *
 * <pre>
 * java -cp server/target/bordergate-server.jar vn.bordergate.server.anpr.ProvinceClassifierTrainer \
 *     OUT.yml [CN_CROPS_FOLDER]
 * </pre>
 *
 * Glyphs are rendered from the committed Noto Sans CJK subset (Java2D) and drawn as on a plate by
 * {@link ProvinceGlyphRenders} (stroke weight, region letter, frame, perspective, clipped box, blur, low resolution,
 * JPEG, noise). When the cn-crops folder is given, its crops with an <em>even</em> number ({@code cn_0358.jpg}) are
 * added as real samples, class-balanced (see {@code REAL_PER_CLASS}); the odd ones are held out for measuring (see
 * {@link #heldOut(Path)}). {@link #degrade} is the first trainer's degradation, still used by
 * {@link SerialClassifierTrainer}.
 */
public final class ProvinceClassifierTrainer {
    private static final String FONT = "/fonts/NotoSansCJKsc-Bold-Plates.otf";
    private static final int SYNTHETIC_PER_CLASS = Integer.getInteger("province.renders", 200);
    private static final int REAL_REPEATS = Integer.getInteger("province.repeats", 12);
    private static final int REAL_PER_CLASS = Integer.getInteger("province.real", 1600);

    private ProvinceClassifierTrainer() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ProvinceClassifierTrainer OUT.yml [CN_CROPS_FOLDER]");
            System.exit(2);
        }
        Random random = new Random(20261122);
        List<float[]> samples = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        Font font = font();
        List<Mat> neighbours = ProvinceGlyphRenders.regionLetters();
        String classes = ProvinceClassifier.CLASSES;
        for (int c = 0; c < classes.length(); c++) {
            Mat clean = render(font, classes.charAt(c));
            for (int k = 0; k < SYNTHETIC_PER_CLASS; k++) {
                // the plate typeface's strokes are heavier or lighter than Noto Sans CJK Bold's
                try (Mat weighted = ProvinceGlyphRenders.weighted(clean, random.nextInt(3) - 1);
                        Mat glyph = ProvinceGlyphRenders.degrade(
                                weighted, neighbours.get(random.nextInt(neighbours.size())), random)) {
                    samples.add(ProvinceGlyph.features(glyph));
                    labels.add(c);
                }
            }
            clean.close();
        }
        neighbours.forEach(Mat::close);
        int synthetic = samples.size();
        int real = 0;
        if (args.length > 1) {
            List<Real> reals = realGlyphs(Path.of(args[1]), false);
            int[] perClass = new int[classes.length()];
            reals.forEach(r -> perClass[r.label()]++);
            for (Real r : reals) {
                // class balance: the even half is 94 % 皖, so its 皖 glyphs are used once and a rare province's
                // few glyphs up to REAL_REPEATS times, so that the net does not learn "always 皖"
                int repeats = Math.max(1, Math.min(REAL_REPEATS, REAL_PER_CLASS / perClass[r.label()]));
                for (int k = 0; k < repeats; k++) {
                    samples.add(ProvinceGlyph.features(shifted(r.glyph(), random, k == 0)));
                    labels.add(r.label());
                }
                real++;
                r.glyph().close();
            }
        }
        System.out.printf(
                "training on %d synthetic and %d real glyphs (%d samples)%n",
                synthetic, real, samples.size() - synthetic);
        ANN_MLP network =
                GlyphNetworks.train(samples, labels, classes.length(), Integer.getInteger("province.hidden", 96), 200);
        GlyphNetworks.save(network, Path.of(args[0]));
        System.out.println("saved " + args[0] + " (" + Files.size(Path.of(args[0])) + " bytes)");
        if (args.length > 1) {
            ProvinceClassifier classifier = new ProvinceClassifier(network);
            int right = 0;
            int total = 0;
            java.util.Map<String, Integer> confusions = new java.util.TreeMap<>();
            for (Real r : realGlyphs(Path.of(args[1]), true)) {
                double[] p = classifier.probabilities(ProvinceGlyph.features(r.glyph()));
                int best = 0;
                for (int i = 1; i < p.length; i++) {
                    best = p[i] > p[best] ? i : best;
                }
                right += best == r.label() ? 1 : 0;
                if (best != r.label()) {
                    confusions.merge(
                            ProvinceClassifier.CLASSES.charAt(r.label()) + "→"
                                    + ProvinceClassifier.CLASSES.charAt(best),
                            1,
                            Integer::sum);
                    if (System.getProperty("province.dump") != null) {
                        org.bytedeco.opencv.global.opencv_imgcodecs.imwrite(
                                System.getProperty("province.dump") + "/wrong-" + total + ".png", r.glyph());
                    }
                }
                total++;
                r.glyph().close();
            }
            System.out.printf(
                    "held-out cn-crops glyphs (odd numbers): %d/%d right; wrong: %s%n", right, total, confusions);
        }
    }

    /** The committed plate subset of Noto Sans CJK SC Bold (OFL), at 64 pt. */
    static Font font() throws java.io.IOException, java.awt.FontFormatException {
        try (InputStream in = ProvinceClassifierTrainer.class.getResourceAsStream(FONT)) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(64f);
        }
    }

    /** A glyph drawn black on white, cut to its ink. */
    static Mat render(Font font, char c) {
        BufferedImage image = new BufferedImage(96, 96, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 96, 96);
        g.setColor(java.awt.Color.BLACK);
        GlyphVector glyphs = font.createGlyphVector(g.getFontRenderContext(), String.valueOf(c));
        java.awt.Rectangle bounds = glyphs.getPixelBounds(null, 0, 0);
        g.drawGlyphVector(glyphs, 48 - bounds.x - bounds.width / 2f, 48 - bounds.y - bounds.height / 2f);
        g.dispose();
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        Mat full = new Mat(96, 96, CV_8UC1, new BytePointer(pixels));
        int x0 = Math.max(0, 48 - bounds.width / 2 - 1);
        int y0 = Math.max(0, 48 - bounds.height / 2 - 1);
        Rect ink = new Rect(x0, y0, Math.min(96 - x0, bounds.width + 2), Math.min(96 - y0, bounds.height + 2));
        Mat cut = new Mat(full, ink).clone();
        full.close();
        return cut;
    }

    /** A plate-like, degraded version of a clean glyph, framed the way {@link ProvinceGlyph#box} frames it. */
    static Mat degrade(Mat clean, Random random) {
        int height = 16 + random.nextInt(8);
        int width = (int) Math.round(height * (0.45 + random.nextDouble() * 0.2));
        Mat small = new Mat();
        resize(clean, small, new Size(width, height), 0, 0, INTER_AREA);
        // the box: 0.62 × 1.1 of the character height, centre off by up to a fifth of the height
        int boxW = (int) Math.round(height * 0.62);
        int boxH = (int) Math.round(height * 1.1);
        int pad = height;
        Mat canvas = new Mat(boxH + 2 * pad, boxW + 2 * pad, CV_8UC1, Scalar.all(255));
        int dx = (int) Math.round((random.nextDouble() - 0.5) * 0.4 * height);
        int dy = (int) Math.round((random.nextDouble() - 0.5) * 0.2 * height);
        int x = pad + (boxW - width) / 2 + dx;
        int y = pad + (boxH - height) / 2 + dy;
        try (Mat target = new Mat(canvas, new Rect(x, y, width, height))) {
            small.copyTo(target);
        }
        small.close();
        Mat rotation = getRotationMatrix2D(
                new Point2f(canvas.cols() / 2f, canvas.rows() / 2f), (random.nextDouble() - 0.5) * 10, 1);
        warpAffine(canvas, canvas, rotation, canvas.size(), INTER_LINEAR, 0, Scalar.all(255));
        rotation.close();
        int stroke = random.nextInt(4);
        if (stroke > 0) {
            Mat kernel = getStructuringElement(MORPH_RECT, new Size(2, stroke == 3 ? 1 : 2));
            if (stroke == 1) {
                erode(canvas, canvas, kernel); // dark ink grows
            } else {
                dilate(canvas, canvas, kernel); // dark ink thins
            }
            kernel.close();
        }
        double sigma = random.nextDouble() * 1.2;
        if (sigma > 0.3) {
            GaussianBlur(canvas, canvas, new Size(0, 0), sigma);
        }
        Mat box = new Mat(canvas, new Rect(pad, pad, boxW, boxH)).clone();
        canvas.close();
        // low resolution: a real 94×24 crop gives the glyph about 10 × 18 px
        int lowH = 12 + random.nextInt(10);
        Mat low = new Mat();
        resize(box, low, new Size(Math.max(4, (int) Math.round(lowH * 0.56)), lowH), 0, 0, INTER_AREA);
        resize(low, box, new Size(boxW, boxH), 0, 0, INTER_LINEAR);
        low.close();
        // contrast and noise: ink 0..90, background 150..255
        double ink = random.nextDouble() * 90;
        double paper = 150 + random.nextDouble() * 105;
        ProvinceGlyphRenders.inkOnPaper(box, ink, paper, random.nextDouble() * 18);
        return box;
    }

    /** A real glyph box moved by a pixel or two, like another cut of the same plate. */
    static Mat shifted(Mat glyph, Random random, boolean asIs) {
        if (asIs) {
            return glyph;
        }
        int dx = random.nextInt(3) - 1;
        int dy = random.nextInt(3) - 1;
        Mat out = new Mat();
        Mat shift = new Mat(2, 3, CV_32F, Scalar.all(0));
        try (FloatIndexer s = shift.createIndexer()) {
            s.put(0, 0, 1);
            s.put(1, 1, 1);
            s.put(0, 2, dx);
            s.put(1, 2, dy);
        }
        warpAffine(
                glyph,
                out,
                shift,
                glyph.size(),
                INTER_LINEAR,
                org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE,
                Scalar.all(0));
        shift.close();
        return out;
    }

    record Real(Mat glyph, int label) {}

    /** Whether a cn-crops image is in the held-out half (odd number), which training never sees. */
    static boolean heldOut(Path image) {
        String digits = image.getFileName().toString().replaceAll("\\D", "");
        return !digits.isEmpty() && Integer.parseInt(digits.substring(digits.length() - 1)) % 2 == 1;
    }

    /** The province glyphs of the cn-crops labelled images, cut the way the reader cuts them. */
    static List<Real> realGlyphs(Path folder, boolean heldOut) throws Exception {
        List<Real> out = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("labels.csv"))) {
            String[] f = line.split(",");
            if (f.length < 3 || f[0].equals("file")) {
                continue;
            }
            Path image = folder.resolve(f[0]);
            int label = ProvinceClassifier.CLASSES.indexOf(f[2].charAt(0));
            if (label < 0 || heldOut(image) != heldOut) {
                continue;
            }
            Mat bgr = ImageDecoder.read(image).orElse(null);
            if (bgr == null || bgr.empty()) {
                continue;
            }
            Mat glyph = ProvinceClassifier.glyphOfCrop(bgr);
            bgr.close();
            if (glyph != null) {
                out.add(new Real(glyph, label));
            }
        }
        return out;
    }
}
