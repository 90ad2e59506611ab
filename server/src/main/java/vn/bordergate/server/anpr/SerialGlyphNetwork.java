package vn.bordergate.server.anpr;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * The convolutional network of {@link SerialClassifier}: the Latin glyphs of a one-row Chinese plate, each scaled to
 * {@link #WIDTH} × {@link #HEIGHT} by {@link GlyphCnn#input}, classified into {@link SerialClassifier#CLASSES}. Trained
 * by {@code server/tools/train_serial_cnn.py} on what {@link SerialGlyphSamples} writes. Thread-safe.
 */
final class SerialGlyphNetwork {
    static final String RESOURCE = "serial-cnn.onnx";

    /** The network's input, width × height: real cuts are about 10 × 20 px, the box 0.62 × 1.1 of a character. */
    static final int WIDTH = 16;

    static final int HEIGHT = 32;

    /**
     * The cuts of a place: as {@link ProvinceGlyph#cutFeatures}' five, the box and the box a pixel off each way
     * ({@code -Danpr.serialCnnCuts=1}: the box alone, to measure; docs/anpr.md, branch cnnserial).
     */
    private static final int[][] CUTS = Integer.getInteger("anpr.serialCnnCuts", 5) == 1
            ? new int[][] {{0, 0}}
            : new int[][] {{0, 0}, {-1, 0}, {1, 0}, {0, -1}, {0, 1}};

    private final GlyphCnn cnn;

    private SerialGlyphNetwork(GlyphCnn cnn) {
        this.cnn = cnn;
    }

    /** The network committed beside this class. */
    static SerialGlyphNetwork bundled() {
        return new SerialGlyphNetwork(GlyphCnn.load(RESOURCE, WIDTH, HEIGHT));
    }

    /** A network from an ONNX file's bytes (to measure one not committed). */
    static SerialGlyphNetwork read(byte[] onnx) {
        return new SerialGlyphNetwork(GlyphCnn.read(onnx, WIDTH, HEIGHT));
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
        List<float[]> inputs = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (Rect box : boxes) {
            int before = inputs.size();
            for (int[] d : CUTS) {
                int x = box.x() + d[0];
                int y = box.y() + d[1];
                if (inputs.size() > before
                        && (x < 0 || y < 0 || x + box.width() > grey.cols() || y + box.height() > grey.rows())) {
                    continue;
                }
                try (Mat glyph = new Mat(grey, new Rect(x, y, box.width(), box.height()))) {
                    inputs.add(GlyphCnn.input(glyph, WIDTH, HEIGHT));
                }
            }
            counts.add(inputs.size() - before);
        }
        double[][] p = cnn.probabilities(inputs);
        List<double[]> out = new ArrayList<>();
        int row = 0;
        for (int n : counts) {
            double[] sum = new double[p[0].length];
            for (int c = 0; c < n; c++, row++) {
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += p[row][i] / n;
                }
            }
            out.add(sum);
        }
        return out;
    }
}
