package vn.bordergate.server.anpr;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * The province glyph read by a small convolutional network ({@code server/tools/train_province_cnn.py}, trained on
 * renders of the committed Noto Sans CJK subset and seven other CJK sans typefaces, and the even cn-crops glyphs
 * exported by {@link ProvinceCnnSamples}),
 * run by {@link GlyphCnn}; the committed trainings of other seeds ({@code province-cnn-2.onnx}, …) are averaged
 * ({@link GlyphNetworkSeeds}). Its classes are {@link ProvinceClassifier#CLASSES}. Thread-safe.
 */
final class ProvinceCnn {
    static final String RESOURCE = "province-cnn.onnx";

    /** The network's input, width × height: the reader's box is 0.62 × 1.1 of the character height. */
    static final int WIDTH = 24;

    static final int HEIGHT = 32;

    /** How many of the committed trainings are averaged ({@code -Danpr.provinceCnnSeeds=1}: the first, to measure). */
    private static final int SEEDS = Integer.getInteger("anpr.provinceCnnSeeds", Integer.MAX_VALUE);

    private final GlyphNetworkSeeds network;

    ProvinceCnn(GlyphNetworkSeeds network) {
        this.network = network;
    }

    /** The networks committed beside this class, averaged. */
    static ProvinceCnn bundled() {
        return new ProvinceCnn(GlyphNetworkSeeds.load(RESOURCE, WIDTH, HEIGHT, SEEDS));
    }

    /** How many networks are averaged. */
    int networks() {
        return network.size();
    }

    /** The network's input for a grey glyph image (dark on light, any size). */
    static float[] input(Mat glyph) {
        return GlyphCnn.input(glyph, WIDTH, HEIGHT);
    }

    /** The inputs of the glyph in {@code box}: each of {@link GlyphCnn#FIVE_CUTS} that stays on the crop (the box always). */
    static List<float[]> cutInputs(Mat grey, Rect box) {
        return GlyphCnn.cutInputs(grey, box, GlyphCnn.FIVE_CUTS, WIDTH, HEIGHT);
    }

    /**
     * Probabilities over {@link ProvinceClassifier#CLASSES} for these inputs, one row each, in one forward pass. The
     * network has one class more, "no province" (a Vietnamese plate's digits, a Latin character): its share is left
     * out, not spread over the provinces, so that a box on no province glyph gives every province a low probability.
     */
    double[][] probabilities(List<float[]> inputs) {
        double[][] rows = network.probabilities(inputs);
        for (int i = 0; i < rows.length; i++) {
            rows[i] = java.util.Arrays.copyOf(rows[i], ProvinceClassifier.CLASSES.length());
        }
        return rows;
    }

    /** The probabilities of the glyph in {@code box} of a grey crop, averaged over its five cuts. */
    double[] averaged(Mat grey, Rect box) {
        double[] p = network.averaged(grey, List.of(box), GlyphCnn.FIVE_CUTS).get(0);
        return java.util.Arrays.copyOf(p, ProvinceClassifier.CLASSES.length()); // "no province" left out, as above
    }
}
