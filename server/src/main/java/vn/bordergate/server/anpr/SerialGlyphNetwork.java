package vn.bordergate.server.anpr;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * The convolutional network of {@link SerialClassifier}: the Latin glyphs of a one-row Chinese plate, each scaled to
 * {@link #WIDTH} × {@link #HEIGHT} by {@link GlyphCnn#input}, classified into {@link SerialClassifier#CLASSES}. Trained
 * by {@code server/tools/train_serial_cnn.py} on what {@link SerialGlyphSamples} writes; the committed trainings of
 * other seeds ({@code serial-cnn-2.onnx}, …) are averaged ({@link GlyphNetworkSeeds}). Thread-safe.
 */
final class SerialGlyphNetwork {
    static final String RESOURCE = "serial-cnn.onnx";

    /** The network's input, width × height: real cuts are about 10 × 20 px, the box 0.62 × 1.1 of a character. */
    static final int WIDTH = 16;

    static final int HEIGHT = 32;

    /**
     * The cuts of a place: {@link GlyphCnn#FIVE_CUTS}
     * ({@code -Danpr.serialCnnCuts=1}: the box alone, to measure; docs/anpr.md, branch cnnserial).
     */
    private static final int[][] CUTS =
            Integer.getInteger("anpr.serialCnnCuts", 5) == 1 ? new int[][] {{0, 0}} : GlyphCnn.FIVE_CUTS;

    /** How many of the committed trainings are averaged ({@code -Danpr.serialCnnSeeds=1}: the first, to measure). */
    private static final int SEEDS = Integer.getInteger("anpr.serialCnnSeeds", Integer.MAX_VALUE);

    private final GlyphNetworkSeeds cnn;

    private SerialGlyphNetwork(GlyphNetworkSeeds cnn) {
        this.cnn = cnn;
    }

    /** The networks committed beside this class, averaged. */
    static SerialGlyphNetwork bundled() {
        return new SerialGlyphNetwork(GlyphNetworkSeeds.load(RESOURCE, WIDTH, HEIGHT, SEEDS));
    }

    /** A network from an ONNX file's bytes (to measure one not committed). */
    static SerialGlyphNetwork read(byte[] onnx) {
        return new SerialGlyphNetwork(new GlyphNetworkSeeds(List.of(GlyphCnn.read(onnx, WIDTH, HEIGHT))));
    }

    /** How many networks are averaged. */
    int networks() {
        return cnn.size();
    }

    /** One glyph's probabilities, from the glyph as cut. */
    double[] probabilities(Mat glyph) {
        return cnn.probabilities(List.of(GlyphCnn.input(glyph, WIDTH, HEIGHT)))[0];
    }

    /**
     * Each place's probabilities averaged over its {@link #CUTS} that stay on the crop (the box always), all the crop's
     * cuts in one forward pass.
     */
    List<double[]> places(Mat grey, List<Rect> boxes) {
        return cnn.averaged(grey, boxes, CUTS);
    }
}
