package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_dnn.Net;

/**
 * A small convolutional glyph classifier, trained with PyTorch by a script in {@code server/tools} and exported to
 * ONNX, run by OpenCV's dnn module (already in the JavaCV natives: no other runtime). The ONNX graph takes
 * {@code glyphs} [N,1,H,W] float32 and gives {@code logits} [N,C]. The trainers export their samples through {@link
 * #input} and {@link #writeSamples}, so Python trains on exactly the tensors this class feeds the network.
 *
 * <p>Thread-safe: a {@code cv::dnn::Net} keeps its blobs between calls, so each thread gets its own copy of the network.
 */
final class GlyphCnn {
    private final byte[] onnx;
    private final int width;
    private final int height;
    private final ThreadLocal<Net> nets;

    private GlyphCnn(byte[] onnx, int width, int height) {
        this.onnx = onnx;
        this.width = width;
        this.height = height;
        this.nets = ThreadLocal.withInitial(this::network);
        nets.get(); // a model that cannot be read fails here, at load, not at the first plate
    }

    /** A network stored beside this class on the classpath, whose input is {@code width} × {@code height}. */
    static GlyphCnn load(String resource, int width, int height) {
        try (InputStream in = GlyphCnn.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("glyph network missing from the classpath: " + resource);
            }
            return read(in.readAllBytes(), width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A network from the bytes of its ONNX file. */
    static GlyphCnn read(byte[] onnx, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("glyph network input must be at least 1×1, not " + width + "×" + height);
        }
        return new GlyphCnn(onnx.clone(), width, height);
    }

    private Net network() {
        Net net;
        try {
            net = opencv_dnn.readNetFromONNX(onnx);
        } catch (RuntimeException e) {
            throw new IllegalStateException("glyph network is not a readable ONNX model: " + e.getMessage(), e);
        }
        if (net == null || net.empty()) {
            throw new IllegalStateException("glyph network is not a readable ONNX model");
        }
        return net;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /**
     * The network's input for a grey glyph (dark on light, any size): scaled to {@code width} × {@code height} by area
     * and stretched so that its darkest pixel is 0 and its lightest 1 (plates' contrast varies far more than their
     * glyphs' shapes), row by row. A flat glyph gives all zeros.
     */
    static float[] input(Mat glyph, int width, int height) {
        float[] out = new float[width * height];
        try (Mat scaled = new Mat()) {
            resize(glyph, scaled, new Size(width, height), 0, 0, INTER_AREA);
            try (UByteIndexer px = scaled.createIndexer()) {
                int min = 255;
                int max = 0;
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        int v = px.get(y, x);
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
                float range = max > min ? max - min : 1;
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        out[y * width + x] = max > min ? (px.get(y, x) - min) / range : 0f;
                    }
                }
            }
        }
        return out;
    }

    /**
     * The box and the box moved a pixel each way: a box is placed to a pixel or two, and a classifier trained on few
     * real glyphs changes its mind over one pixel (as {@link ProvinceGlyph#averaged}'s five cuts).
     */
    static final int[][] FIVE_CUTS = {{0, 0}, {-1, 0}, {1, 0}, {0, -1}, {0, 1}};

    /**
     * The inputs ({@link #input}) of the glyph in {@code box} of a grey crop: each of {@code cuts} that stays on the crop
     * (the box always).
     */
    static List<float[]> cutInputs(Mat grey, Rect box, int[][] cuts, int width, int height) {
        List<float[]> out = new ArrayList<>();
        for (int[] d : cuts) {
            int x = box.x() + d[0];
            int y = box.y() + d[1];
            if (!out.isEmpty() && (x < 0 || y < 0 || x + box.width() > grey.cols() || y + box.height() > grey.rows())) {
                continue;
            }
            try (Mat glyph = new Mat(grey, new Rect(x, y, box.width(), box.height()))) {
                out.add(input(glyph, width, height));
            }
        }
        return out;
    }

    /**
     * Each box's probabilities averaged over its {@code cuts} that stay on the crop, all the boxes' cuts in one forward
     * pass (a pass per cut cost more than the network).
     */
    List<double[]> averaged(Mat grey, List<Rect> boxes, int[][] cuts) {
        List<float[]> inputs = new ArrayList<>();
        int[] counts = new int[boxes.size()];
        for (int b = 0; b < boxes.size(); b++) {
            List<float[]> mine = cutInputs(grey, boxes.get(b), cuts, width, height);
            inputs.addAll(mine);
            counts[b] = mine.size();
        }
        double[][] p = probabilities(inputs);
        List<double[]> out = new ArrayList<>();
        int row = 0;
        for (int n : counts) {
            double[] sum = new double[p[row].length];
            for (int c = 0; c < n; c++, row++) {
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += p[row][i] / n;
                }
            }
            out.add(sum);
        }
        return out;
    }

    /** Each input's class probabilities (softmax of the logits), in one forward pass for all of them. */
    double[][] probabilities(List<float[]> inputs) {
        float[][] logits = outputs(inputs);
        double[][] p = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            p[i] = new double[logits[i].length];
            for (int c = 0; c < p[i].length; c++) {
                p[i][c] = logits[i][c];
            }
            ProvinceClassifier.softmax(p[i]);
        }
        return p;
    }

    /**
     * The network's output {@code logits} for each input, in one forward pass for all of them: each row the input's
     * share of the output, flattened ([C] for a glyph network, [T·C] for a line network, {@link LineCtc}).
     */
    float[][] outputs(List<float[]> inputs) {
        if (inputs.isEmpty()) {
            return new float[0][];
        }
        int n = inputs.size();
        int pixels = width * height;
        Net net = nets.get();
        float[] flat = new float[n * pixels];
        for (int i = 0; i < n; i++) {
            float[] x = inputs.get(i);
            if (x.length != pixels) {
                throw new IllegalArgumentException(
                        "network input has " + x.length + " values, the network takes " + pixels);
            }
            System.arraycopy(x, 0, flat, i * pixels, pixels);
        }
        try (Mat blob = new Mat(new int[] {n, 1, height, width}, CV_32F);
                FloatPointer data = new FloatPointer(blob.data())) {
            data.put(flat);
            net.setInput(blob);
            try (Mat logits = net.forward("logits");
                    FloatPointer values = new FloatPointer(logits.data())) {
                int each = (int) (logits.total() / n);
                float[][] out = new float[n][each];
                for (int i = 0; i < n; i++) {
                    values.position((long) i * each).get(out[i]);
                }
                return out;
            }
        }
    }

    /**
     * Writes samples for a trainer in {@code server/tools}: int32 n, height, width; then n·height·width float32;
     * then n int32 labels; all little-endian ({@code numpy.fromfile}).
     */
    static void writeSamples(Path file, int width, int height, List<float[]> inputs, List<Integer> labels)
            throws IOException {
        if (inputs.size() != labels.size()) {
            throw new IllegalArgumentException(inputs.size() + " glyph inputs but " + labels.size() + " labels");
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            writeInputs(out, width, height, inputs);
            ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            for (int label : labels) {
                b.clear();
                b.putInt(label);
                out.write(b.array(), 0, 4);
            }
        }
    }

    /** The head of a trainer's samples file: int32 n, height, width; then n·height·width float32; little-endian. */
    static void writeInputs(OutputStream out, int width, int height, List<float[]> inputs) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 * Math.max(3, width * height)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(inputs.size()).putInt(height).putInt(width);
        out.write(b.array(), 0, 12);
        for (float[] x : inputs) {
            if (x.length != width * height) {
                throw new IllegalArgumentException("input has " + x.length + " values, not " + width + "×" + height);
            }
            b.clear();
            b.asFloatBuffer().put(x);
            out.write(b.array(), 0, 4 * x.length);
        }
    }
}
