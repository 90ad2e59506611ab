package vn.bordergate.server.anpr;

import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Writes the province network's samples for {@code server/tools/train_province_cnn.py}, as {@link GlyphCnn#input}
 * sees them. Not part of the build; seeded.
 *
 * <pre>
 * java -cp ... vn.bordergate.server.anpr.ProvinceCnnSamples OUT_DIR [CN_CROPS_FOLDER [FONT_DIR]]
 * </pre>
 *
 * <p>With {@code FONT_DIR} (e.g. {@code /usr/share/fonts} after {@code apt-get install fonts-noto-cjk
 * fonts-noto-cjk-extra fonts-wqy-zenhei fonts-wqy-microhei}), every second render of a province is drawn in one of
 * the simplified-Chinese sans typefaces found there ({@link #extraFonts}): the plate typeface (GA 36) is neither Noto Sans CJK Bold nor any
 * of them, and a network that saw one typeface read clear 沪 glyphs of real plates as 浙 or 皖 (docs/anpr.md, "prov").
 * Those fonts are only read to train; none is committed.
 *
 * <ul>
 *   <li>{@code classes.txt}: the classes, in the order of the labels;
 *   <li>{@code renders.bin}: glyphs of the committed Noto Sans CJK subset drawn as on a plate by {@link
 *       ProvinceGlyphRenders} (stroke weight, region letter, frame, perspective, clipped box, blur, JPEG, noise), most
 *       at a small crop's 12–23 px, some at a scene's 20–43 px; and, labelled one past the last class, "no
 *       province": a Vietnamese plate's first two digits or a Latin character drawn the same way;
 *   <li>{@code renders-test.bin}: the same from another seed, for measuring only;
 *   <li>{@code real-even.bin}: the even-numbered cn-crops' province glyphs (the only real training data), cut as the
 *       reader cuts them, each in its five cuts;
 *   <li>{@code heldout.bin} (one cut per glyph) and {@code heldout5.bin} (the cuts of each glyph, their counts in
 *       {@code heldout5.groups.txt}): the odd half, never trained on;
 *   <li>{@code *.mlp.txt}: what the bundled MLP (with its templates) reads for each glyph, to compare on the same
 *       glyphs: one line per glyph, the class index of one cut and of the five cuts.
 * </ul>
 */
public final class ProvinceCnnSamples {
    private static final int RENDERS = Integer.getInteger("province.cnn.renders", 400);
    private static final int SCENE_RENDERS = Integer.getInteger("province.cnn.sceneRenders", 150);

    private ProvinceCnnSamples() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ProvinceCnnSamples OUT_DIR [CN_CROPS_FOLDER [FONT_DIR]]");
            System.exit(2);
        }
        Path out = Files.createDirectories(Path.of(args[0]));
        ProvinceClassifier mlp = ProvinceClassifier.bundled(0);
        Files.writeString(out.resolve("classes.txt"), ProvinceClassifier.CLASSES); // the label of index i
        List<Font> fonts = new ArrayList<>(List.of(ProvinceClassifierTrainer.font()));
        if (args.length > 2) {
            fonts.addAll(extraFonts(Path.of(args[2])));
        }
        fonts.forEach(f -> System.out.println("font: " + f.getFontName()));
        renders(out.resolve("renders.bin"), null, new Random(20261125), RENDERS, SCENE_RENDERS, fonts);
        renders(out.resolve("renders-test.bin"), mlp, new Random(7), RENDERS / 8, SCENE_RENDERS / 8, fonts);
        if (args.length > 1) {
            real(Path.of(args[1]), out, mlp);
        }
    }

    /** Writes {@code perClass} crop-sized and {@code scenePerClass} scene-sized renders of every class. */
    static void renders(
            Path file, ProvinceClassifier mlp, Random random, int perClass, int scenePerClass, List<Font> fonts)
            throws Exception {
        Font latin = ProvinceGlyphRenders.latinFont();
        List<Mat> neighbours = ProvinceGlyphRenders.regionLetters();
        List<float[]> inputs = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> reads = new ArrayList<>();
        String classes = ProvinceClassifier.CLASSES;
        for (int c = 0; c < classes.length(); c++) {
            List<Mat> cleans = new ArrayList<>();
            for (Font font : fonts) {
                cleans.add(ProvinceClassifierTrainer.render(font, classes.charAt(c)));
            }
            try {
                for (int k = 0; k < perClass + scenePerClass; k++) {
                    boolean scene = k >= perClass;
                    Mat neighbour = neighbours.get(random.nextInt(neighbours.size()));
                    // every second render in the committed font, the others in turn in the extra typefaces
                    Mat clean = cleans.get(k % 2 == 0 || cleans.size() == 1 ? 0 : 1 + (k / 2) % (cleans.size() - 1));
                    try (Mat weighted = ProvinceGlyphRenders.weighted(clean, random.nextInt(3) - 1);
                            Mat glyph = scene
                                    ? ProvinceGlyphRenders.degrade(weighted, neighbour, random, 20, 24)
                                    : ProvinceGlyphRenders.degrade(weighted, neighbour, random)) {
                        inputs.add(ProvinceCnn.input(glyph));
                        labels.add(c);
                        if (mlp != null) {
                            int read = best(mlp.probabilities(ProvinceGlyph.features(glyph), glyph.rows()));
                            reads.add(read + " " + read);
                        }
                    }
                }
            } finally {
                cleans.forEach(Mat::close);
            }
        }
        // label classes.length(), "no province": what the box holds when it is not on a province glyph, such as a
        // Vietnamese plate's first
        // two digits or a Latin character; without these the network is sure of some province on any glyph
        String latinGlyphs = "0123456789ABCDEFGHKLMNPSTUVXYZ";
        for (int k = 0; k < (perClass + scenePerClass) * 2; k++) {
            boolean scene = k % 4 == 3;
            try (Mat clean = k % 2 == 0
                            ? twoCharacters(
                                    latin,
                                    latinGlyphs.charAt(random.nextInt(10)),
                                    latinGlyphs.charAt(random.nextInt(10)))
                            : ProvinceClassifierTrainer.render(
                                    latin, latinGlyphs.charAt(random.nextInt(latinGlyphs.length())));
                    Mat weighted = ProvinceGlyphRenders.weighted(clean, random.nextInt(3) - 1);
                    Mat glyph = scene
                            ? ProvinceGlyphRenders.degrade(weighted, neighbours.get(0), random, 20, 24)
                            : ProvinceGlyphRenders.degrade(weighted, neighbours.get(0), random)) {
                inputs.add(ProvinceCnn.input(glyph));
                labels.add(classes.length());
                if (mlp != null) {
                    int read = best(mlp.probabilities(ProvinceGlyph.features(glyph), glyph.rows()));
                    reads.add(read + " " + read);
                }
            }
        }
        neighbours.forEach(Mat::close);
        write(file, inputs, labels, mlp == null ? null : reads);
    }

    /** Writes the even half's glyphs for training and the odd half's for measuring, with the MLP's reads of those. */
    static void real(Path folder, Path out, ProvinceClassifier mlp) throws Exception {
        List<float[]> even = new ArrayList<>();
        List<Integer> evenLabels = new ArrayList<>();
        List<float[]> odd = new ArrayList<>();
        List<float[]> odd5 = new ArrayList<>();
        List<Integer> oddLabels = new ArrayList<>();
        List<Integer> odd5Labels = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<String> reads = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("labels.csv"))) {
            String[] f = line.split(",");
            if (f.length < 3 || f[0].equals("file")) {
                continue;
            }
            Path image = folder.resolve(f[0]);
            int label = ProvinceClassifier.CLASSES.indexOf(f[2].charAt(0));
            Mat bgr = label < 0 ? null : ImageDecoder.read(image).orElse(null);
            if (bgr == null || bgr.empty()) {
                continue;
            }
            try (Mat grey = CropGrey.straight(bgr)) {
                bgr.close();
                Rect box = ProvinceGlyph.box(grey, PlateRows.of(grey).top());
                if (box == null) {
                    continue;
                }
                List<float[]> cuts = ProvinceCnn.cutInputs(grey, box);
                if (!ProvinceClassifierTrainer.heldOut(image)) {
                    even.addAll(cuts);
                    cuts.forEach(c -> evenLabels.add(label));
                    continue;
                }
                odd.add(cuts.get(0));
                oddLabels.add(label);
                odd5.addAll(cuts);
                cuts.forEach(c -> odd5Labels.add(label));
                groups.add(String.valueOf(cuts.size()));
                try (Mat glyph = new Mat(grey, box)) {
                    int one = best(mlp.probabilities(ProvinceGlyph.features(glyph), box.height()));
                    int five = best(ProvinceGlyph.averaged(grey, box, x -> mlp.probabilities(x, box.height())));
                    reads.add(one + " " + five);
                }
            }
        }
        write(out.resolve("real-even.bin"), even, evenLabels, null);
        write(out.resolve("heldout.bin"), odd, oddLabels, reads);
        write(out.resolve("heldout5.bin"), odd5, odd5Labels, null);
        Files.write(out.resolve("heldout5.groups.txt"), groups);
    }

    /**
     * The simplified-Chinese sans typefaces under {@code folder} that draw every class: in a collection only its SC or
     * CN member, no serif, Ming or Kai (the plate typeface is a sans), no monospaced copy and no thin or light weight
     * (plate strokes are heavy); sorted by name so that the renders do not depend on the file system's order.
     */
    static List<Font> extraFonts(Path folder) throws IOException {
        List<Font> out = new ArrayList<>();
        List<Path> files;
        try (var walk = Files.walk(folder)) {
            files = walk.filter(p -> p.toString().toLowerCase().matches(".*\\.(ttf|otf|ttc)$"))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            Font[] fonts;
            try {
                fonts = Font.createFonts(file.toFile());
            } catch (java.awt.FontFormatException e) {
                continue;
            }
            for (Font f : fonts) {
                String name = f.getFontName();
                boolean simplified = name.matches(".*\\b(SC|CN)\\b.*") || name.startsWith("WenQuanYi");
                boolean sans = !name.matches(".*(Serif|Ming|Kai|Mono|Thin|Light).*");
                if (simplified && sans && f.canDisplayUpTo(ProvinceClassifier.CLASSES) == -1) {
                    out.add(f.deriveFont(64f));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(Font::getFontName));
        return out;
    }

    /** Two characters side by side, as a Vietnamese plate's province code begins. */
    static Mat twoCharacters(Font font, char a, char b) {
        try (Mat left = ProvinceClassifierTrainer.render(font, a);
                Mat right = ProvinceClassifierTrainer.render(font, b);
                Mat rightScaled = new Mat()) {
            org.bytedeco.opencv.global.opencv_imgproc.resize(
                    right, rightScaled, new org.bytedeco.opencv.opencv_core.Size(right.cols(), left.rows()));
            Mat out = new Mat();
            org.bytedeco.opencv.global.opencv_core.hconcat(left, rightScaled, out);
            return out;
        }
    }

    private static void write(Path file, List<float[]> inputs, List<Integer> labels, List<String> reads)
            throws IOException {
        GlyphCnn.writeSamples(file, ProvinceCnn.WIDTH, ProvinceCnn.HEIGHT, inputs, labels);
        if (reads != null) {
            Files.write(Path.of(file.toString().replaceAll("\\.bin$", ".mlp.txt")), reads);
        }
        System.out.printf("%s: %d glyphs%n", file, inputs.size());
    }

    static int best(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            best = p[i] > p[best] ? i : best;
        }
        return best;
    }
}
