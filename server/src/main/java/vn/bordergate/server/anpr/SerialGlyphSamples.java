package vn.bordergate.server.anpr;

import java.awt.Font;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Writes the serial glyphs the convolutional network of {@link SerialClassifier} learns from and is measured on, as
 * {@link GlyphCnn#input} sees them ({@link GlyphCnn#writeSamples}), for {@code server/tools/train_serial_cnn.py}. Not
 * part of the build: run it by hand.
 *
 * <pre>
 * java -cp CLASSPATH vn.bordergate.server.anpr.SerialGlyphSamples OUT_DIR CN_CROPS_FOLDER [CNN.onnx]
 * </pre>
 *
 * {@code real-train.bin}: the six Latin glyphs of the even-numbered cn-crops images as {@link
 * SerialClassifierTrainer#realGlyphs} cuts them for the networks (the committed networks choosing the crops); {@code
 * renders.bin}: {@link #RENDERS_PER_CLASS} plate-like renders per class ({@link SerialGlyphRenders}, seeded); {@code
 * held-out.bin}: the odd-numbered images' glyphs, cut by the first fit as the trainer measures. Prints the committed
 * networks' held-out glyph accuracy on the same glyphs (the figure the CNN must beat) and, given an ONNX file, the
 * network's alone and shared with the perceptrons, as OpenCV runs it.
 */
public final class SerialGlyphSamples {
    /** Renders per class: the MLP trainer's 150 twice over, since the network sees each many times augmented. */
    static final int RENDERS_PER_CLASS = Integer.getInteger("serial.cnnRenders", 300);

    private SerialGlyphSamples() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SerialGlyphSamples OUT_DIR CN_CROPS_FOLDER");
            System.exit(2);
        }
        Path out = Files.createDirectories(Path.of(args[0]));
        Path crops = Path.of(args[1]);
        write(out.resolve("real-train.bin"), SerialClassifierTrainer.realGlyphs(crops, false));
        write(out.resolve("renders.bin"), renders(new Random(20261125), RENDERS_PER_CLASS));
        List<ProvinceClassifierTrainer.Real> heldOut = SerialClassifierTrainer.realGlyphs(crops, true);
        SerialClassifier mlps = SerialClassifier.mlps();
        measure("committed perceptrons", heldOut, mlps);
        if (args.length > 2) {
            SerialGlyphNetwork cnn = SerialGlyphNetwork.read(Files.readAllBytes(Path.of(args[2])));
            for (double share : new double[] {1, 0.75, 0.5, 0.25}) {
                measure(args[2] + " share " + share, heldOut, new SerialClassifier(mlps.perceptrons(), cnn, share));
            }
        }
        write(out.resolve("held-out.bin"), heldOut);
    }

    /** {@code perClass} plate-like renders of every class, drawn as {@link SerialClassifierTrainer} draws them. */
    static List<ProvinceClassifierTrainer.Real> renders(Random random, int perClass) throws Exception {
        Font font;
        try (InputStream in =
                SerialGlyphSamples.class.getResourceAsStream("/fonts/DejaVuSansCondensed-Bold-Plates.ttf")) {
            font = Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(64f);
        }
        String classes = SerialClassifier.CLASSES;
        List<Mat> clean = new ArrayList<>();
        for (char c : classes.toCharArray()) {
            clean.add(ProvinceClassifierTrainer.render(font, c));
        }
        List<ProvinceClassifierTrainer.Real> out = new ArrayList<>();
        for (int c = 0; c < classes.length(); c++) {
            for (int k = 0; k < perClass; k++) {
                try (Mat weighted = ProvinceGlyphRenders.weighted(clean.get(c), random.nextInt(3) - 1)) {
                    out.add(new ProvinceClassifierTrainer.Real(SerialGlyphRenders.degrade(weighted, clean, random), c));
                }
            }
        }
        clean.forEach(Mat::close);
        return out;
    }

    /** The committed networks' top-1 and top-2 accuracy on {@code glyphs} (one cut each, as the trainer measures). */
    static void measure(String what, List<ProvinceClassifierTrainer.Real> glyphs, SerialClassifier networks) {
        int first = 0;
        int second = 0;
        for (ProvinceClassifierTrainer.Real r : glyphs) {
            double[] p = networks.probabilities(r.glyph());
            int rank = 0;
            for (double q : p) {
                rank += q > p[r.label()] ? 1 : 0;
            }
            first += rank == 0 ? 1 : 0;
            second += rank <= 1 ? 1 : 0;
        }
        System.out.printf(
                "held-out glyphs: %d; %s right first %d, first or second %d%n", glyphs.size(), what, first, second);
    }

    private static void write(Path file, List<ProvinceClassifierTrainer.Real> glyphs) throws Exception {
        List<float[]> inputs = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (ProvinceClassifierTrainer.Real r : glyphs) {
            inputs.add(GlyphCnn.input(r.glyph(), SerialGlyphNetwork.WIDTH, SerialGlyphNetwork.HEIGHT));
            labels.add(r.label());
            r.glyph().close();
        }
        GlyphCnn.writeSamples(file, SerialGlyphNetwork.WIDTH, SerialGlyphNetwork.HEIGHT, inputs, labels);
        System.out.println("wrote " + file + ": " + inputs.size() + " glyphs");
    }
}
