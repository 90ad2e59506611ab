package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.data.Offset;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ONNX glyph network as OpenCV's dnn runs it, against PyTorch's own answers for the fixture that {@code
 * server/tools/glyph_cnn_fixture.py} wrote (a random network with every layer kind the trainers use).
 */
class GlyphCnnTest {
    private static final int W = 16;
    private static final int H = 32;
    private static final Offset<Double> TORCH = Offset.offset(1e-5);

    private record Fixture(List<float[]> inputs, List<double[]> expected) {}

    private static Fixture fixture() throws IOException {
        List<float[]> inputs = new ArrayList<>();
        List<double[]> expected = new ArrayList<>();
        try (InputStream in = GlyphCnnTest.class.getResourceAsStream("glyph-cnn-fixture.txt")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.startsWith("#"))
                    .toList();
            for (int i = 0; i < lines.size(); i += 2) {
                String[] x = lines.get(i).split(" ");
                float[] input = new float[x.length];
                for (int k = 0; k < x.length; k++) {
                    input[k] = Float.parseFloat(x[k]);
                }
                inputs.add(input);
                String[] p = lines.get(i + 1).split(" ");
                double[] probabilities = new double[p.length];
                for (int k = 0; k < p.length; k++) {
                    probabilities[k] = Double.parseDouble(p[k]);
                }
                expected.add(probabilities);
            }
        }
        return new Fixture(inputs, expected);
    }

    @Test
    void runsTheGraphAsPyTorchDoesInOneBatchAndOneByOne() throws IOException {
        Fixture f = fixture();
        GlyphCnn cnn = GlyphCnn.load("glyph-cnn-fixture.onnx", W, H);

        double[][] batch = cnn.probabilities(f.inputs());
        assertThat(batch).hasNumberOfRows(3);
        for (int i = 0; i < 3; i++) {
            assertThat(batch[i]).hasSize(5).containsExactly(f.expected().get(i), TORCH);
            assertThat(cnn.probabilities(List.of(f.inputs().get(i)))[0])
                    .containsExactly(f.expected().get(i), TORCH);
        }
        // the two ramps differ only in direction: a graph fed W×H for H×W would not give torch's answers to both
        assertThat(batch[0][4]).isNotCloseTo(batch[1][4], Offset.offset(1e-3));
    }

    @Test
    void eachThreadRunsItsOwnCopy() throws Exception {
        Fixture f = fixture();
        GlyphCnn cnn = GlyphCnn.load("glyph-cnn-fixture.onnx", W, H);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[][]>> answers = new ArrayList<>();
            for (int k = 0; k < 200; k++) {
                List<float[]> one = List.of(f.inputs().get(k % 3));
                answers.add(pool.submit(() -> cnn.probabilities(one)));
            }
            for (int k = 0; k < answers.size(); k++) {
                assertThat(answers.get(k).get()[0]).containsExactly(f.expected().get(k % 3), TORCH);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void inputIsTheGlyphScaledAndStretchedRowByRow() {
        // 40 rows × 20 columns: dark (60) above, light (180) below
        try (Mat glyph = new Mat(40, 20, CV_8UC1, new Scalar(180.0));
                Mat top = new Mat(glyph, new Rect(0, 0, 20, 20))) {
            top.put(new Scalar(60.0));
            float[] x = GlyphCnn.input(glyph, W, H);
            assertThat(x).hasSize(W * H);
            assertThat(x[0]).isEqualTo(0f);
            assertThat(x[W - 1]).isEqualTo(0f);
            assertThat(x[(H - 1) * W]).isEqualTo(1f);
            assertThat(x[H * W / 2 - 1]).isEqualTo(0f);
            assertThat(x[H * W / 2]).isEqualTo(1f);
        }
        try (Mat flat = new Mat(12, 7, CV_8UC1, new Scalar(90.0))) {
            assertThat(GlyphCnn.input(flat, W, H)).containsOnly(0f);
        }
    }

    @Test
    void averagesEachBoxOverItsCutsOnTheCropInOnePass() {
        GlyphCnn cnn = GlyphCnn.load("glyph-cnn-fixture.onnx", W, H);
        try (Mat grey = new Mat(30, 40, CV_8UC1)) {
            org.bytedeco.opencv.global.opencv_core.randu(
                    grey, new Mat(1, 1, CV_8UC1, new Scalar(0.0)), new Mat(1, 1, CV_8UC1, new Scalar(255.0)));
            Rect corner = new Rect(0, 0, 10, 20); // a pixel left or up is off the crop: three cuts
            Rect inside = new Rect(15, 5, 10, 20);
            List<float[]> cornerCuts = GlyphCnn.cutInputs(grey, corner, GlyphCnn.FIVE_CUTS, W, H);
            List<float[]> insideCuts = GlyphCnn.cutInputs(grey, inside, GlyphCnn.FIVE_CUTS, W, H);
            assertThat(cornerCuts).hasSize(3);
            assertThat(insideCuts).hasSize(5);

            List<double[]> averaged = cnn.averaged(grey, List.of(corner, inside), GlyphCnn.FIVE_CUTS);
            assertThat(averaged).hasSize(2);
            assertThat(averaged.get(0)).containsExactly(mean(cnn.probabilities(cornerCuts)), TORCH);
            assertThat(averaged.get(1)).containsExactly(mean(cnn.probabilities(insideCuts)), TORCH);
        }
    }

    private static double[] mean(double[][] rows) {
        double[] sum = new double[rows[0].length];
        for (double[] row : rows) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += row[i] / rows.length;
            }
        }
        return sum;
    }

    @Test
    void writesSamplesAsTheTrainersReadThem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("samples.bin");
        float[] a = new float[W * H];
        float[] b = new float[W * H];
        a[3] = 0.25f;
        b[W * H - 1] = 1f;
        GlyphCnn.writeSamples(file, W, H, List.of(a, b), List.of(7, 33));

        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bytes.remaining()).isEqualTo(12 + 2 * W * H * 4 + 2 * 4);
        assertThat(List.of(bytes.getInt(), bytes.getInt(), bytes.getInt())).containsExactly(2, H, W);
        assertThat(bytes.getFloat(12 + 3 * 4)).isEqualTo(0.25f);
        assertThat(bytes.getFloat(12 + (2 * W * H - 1) * 4)).isEqualTo(1f);
        assertThat(bytes.getInt(12 + 2 * W * H * 4)).isEqualTo(7);
        assertThat(bytes.getInt(12 + 2 * W * H * 4 + 4)).isEqualTo(33);
    }

    @Test
    void badModelsAndInputsSayWhatIsWrong() throws IOException {
        assertThatThrownBy(() -> GlyphCnn.read("not a network".getBytes(StandardCharsets.UTF_8), W, H))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a readable ONNX model");
        assertThatThrownBy(() -> GlyphCnn.load("no-such-network.onnx", W, H))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing from the classpath: no-such-network.onnx");
        GlyphCnn cnn = GlyphCnn.load("glyph-cnn-fixture.onnx", W, H);
        assertThatThrownBy(() -> cnn.probabilities(List.of(new float[W * H - 1])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("511 values, the network takes 512");
        assertThat(cnn.probabilities(List.of())).isEmpty();
    }
}
