package vn.bordergate.server.anpr;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A plate line read by a convolutional network trained with CTC (connectionist temporal classification): the network
 * sees the whole line and gives, at each of T steps across it, the log-probability of every character and of
 * "blank", so it needs no glyph boxes (a glyph dropped or split by segmentation costs the box classifiers the whole
 * plate). Besides its own best read ({@link #greedy}), it scores any candidate text exactly ({@link #logLikelihood}),
 * summing over every way of placing the text's characters along the line.
 *
 * <p>Trained with PyTorch by a script in {@code server/tools}, exported to ONNX ({@code
 * glyph_cnn_io.export_line_onnx}) and run by OpenCV's dnn module through {@link GlyphCnn}. The graph takes [N,1,H,W]
 * float32 and gives {@code logits} [N,1,T,C] (or [N,T,C]): class 0 is the blank, class k ≥ 1 the alphabet's (k−1)-th
 * character.
 * Thread-safe, as {@link GlyphCnn}.
 */
final class LineCtc {
    private final GlyphCnn network;
    private final String alphabet;

    private LineCtc(GlyphCnn network, String alphabet) {
        if (alphabet.isEmpty() || alphabet.chars().distinct().count() != alphabet.length()) {
            throw new IllegalArgumentException("line network alphabet must be distinct characters: '" + alphabet + "'");
        }
        this.network = network;
        this.alphabet = alphabet;
    }

    /** A network stored beside this class on the classpath, whose input is {@code width} × {@code height}. */
    static LineCtc load(String resource, int width, int height, String alphabet) {
        return new LineCtc(GlyphCnn.load(resource, width, height), alphabet);
    }

    /** A network from the bytes of its ONNX file. */
    static LineCtc read(byte[] onnx, int width, int height, String alphabet) {
        return new LineCtc(GlyphCnn.read(onnx, width, height), alphabet);
    }

    String alphabet() {
        return alphabet;
    }

    int width() {
        return network.width();
    }

    int height() {
        return network.height();
    }

    /** The network's input for a grey line (dark text on light): as a glyph's ({@link GlyphCnn#input}). */
    static float[] input(Mat line, int width, int height) {
        return GlyphCnn.input(line, width, height);
    }

    /** Each input's T × C log-probabilities (log-softmax over the classes at each step), in one forward pass. */
    List<double[][]> logProbabilities(List<float[]> inputs) {
        int classes = alphabet.length() + 1;
        List<double[][]> out = new ArrayList<>();
        for (float[] logits : network.outputs(inputs)) {
            if (logits.length % classes != 0) {
                throw new IllegalStateException("line network gives " + logits.length + " values per line, not a"
                        + " multiple of its " + classes + " classes (alphabet + blank)");
            }
            double[][] lp = new double[logits.length / classes][classes];
            for (int t = 0; t < lp.length; t++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < classes; c++) {
                    lp[t][c] = logits[t * classes + c];
                    max = Math.max(max, lp[t][c]);
                }
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    sum += Math.exp(lp[t][c] - max);
                }
                double log = max + Math.log(sum);
                for (int c = 0; c < classes; c++) {
                    lp[t][c] -= log;
                }
            }
            out.add(lp);
        }
        return out;
    }

    /** The best path's text: the most likely class at each step, repeats collapsed, blanks dropped. */
    String greedy(double[][] lp) {
        StringBuilder text = new StringBuilder();
        int previous = 0;
        for (double[] step : lp) {
            int best = 0;
            for (int c = 1; c < step.length; c++) {
                if (step[c] > step[best]) {
                    best = c;
                }
            }
            if (best != 0 && best != previous) {
                text.append(alphabet.charAt(best - 1));
            }
            previous = best;
        }
        return text.toString();
    }

    /**
     * log P(text | line): the CTC forward algorithm over the text with a blank before, between and after its
     * characters. Negative infinity when a character is not in the alphabet or the text cannot fit the line's steps
     * (each repeated pair needs a blank between).
     */
    double logLikelihood(double[][] lp, String text) {
        int[] label = new int[2 * text.length() + 1];
        for (int k = 0; k < text.length(); k++) {
            int c = alphabet.indexOf(text.charAt(k));
            if (c < 0) {
                return Double.NEGATIVE_INFINITY;
            }
            label[2 * k + 1] = c + 1;
        }
        int s = label.length;
        double[] alpha = new double[s];
        Arrays.fill(alpha, Double.NEGATIVE_INFINITY);
        if (lp.length == 0) {
            return text.isEmpty() ? 0 : Double.NEGATIVE_INFINITY;
        }
        alpha[0] = lp[0][0];
        if (s > 1) {
            alpha[1] = lp[0][label[1]];
        }
        double[] next = new double[s];
        for (int t = 1; t < lp.length; t++) {
            for (int i = 0; i < s; i++) {
                double a = alpha[i];
                if (i >= 1) {
                    a = logSum(a, alpha[i - 1]);
                }
                // a character may follow the one before it directly, skipping the blank, unless it is the same one
                if (i >= 2 && label[i] != 0 && label[i] != label[i - 2]) {
                    a = logSum(a, alpha[i - 2]);
                }
                next[i] = a + lp[t][label[i]];
            }
            double[] swap = alpha;
            alpha = next;
            next = swap;
        }
        return s == 1 ? alpha[0] : logSum(alpha[s - 1], alpha[s - 2]);
    }

    private static double logSum(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double max = Math.max(a, b);
        return max + Math.log1p(Math.exp(Math.min(a, b) - max));
    }

    /**
     * Writes samples for a line trainer in {@code server/tools}: int32 n, height, width; n·height·width float32; n
     * int32 text lengths; then every text's class indices (int32, 1-based into {@code alphabet}: 0 is the blank); all
     * little-endian ({@code glyph_cnn_io.read_line_samples}).
     */
    static void writeSamples(
            Path file, int width, int height, List<float[]> inputs, List<String> texts, String alphabet)
            throws IOException {
        if (inputs.size() != texts.size()) {
            throw new IllegalArgumentException(inputs.size() + " line inputs but " + texts.size() + " texts");
        }
        for (String text : texts) {
            for (char c : text.toCharArray()) {
                if (alphabet.indexOf(c) < 0) {
                    throw new IllegalArgumentException(
                            "line text '" + text + "' has '" + c + "', not in the alphabet '" + alphabet + "'");
                }
            }
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            GlyphCnn.writeInputs(out, width, height, inputs);
            ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            for (String text : texts) {
                writeInt(out, b, text.length());
            }
            for (String text : texts) {
                for (char c : text.toCharArray()) {
                    writeInt(out, b, alphabet.indexOf(c) + 1);
                }
            }
        }
    }

    private static void writeInt(OutputStream out, ByteBuffer b, int value) throws IOException {
        b.clear();
        b.putInt(value);
        out.write(b.array(), 0, 4);
    }
}
