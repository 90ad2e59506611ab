package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CTC line network as OpenCV's dnn runs it and as {@link LineCtc} decodes and scores it, against PyTorch's own
 * log-probabilities and CTC losses for the fixture {@code server/tools/line_ctc_fixture.py} wrote.
 */
class LineCtcTest {
    private static final int W = 32;
    private static final int H = 16;
    private static final String ALPHABET = "AB1";
    private static final List<String> TEXTS = List.of("AB", "A1B", "BB", "1", "B1A1");
    private static final Offset<Double> TORCH = Offset.offset(1e-4);

    private record Fixture(List<float[]> inputs, List<double[]> logProbabilities, List<double[]> losses) {}

    private static double[] numbers(String line) {
        String[] f = line.split(" ");
        double[] out = new double[f.length];
        for (int k = 0; k < f.length; k++) {
            out[k] = Double.parseDouble(f[k]);
        }
        return out;
    }

    private static Fixture fixture() throws IOException {
        List<float[]> inputs = new ArrayList<>();
        List<double[]> lps = new ArrayList<>();
        List<double[]> losses = new ArrayList<>();
        try (InputStream in = LineCtcTest.class.getResourceAsStream("line-ctc-fixture.txt")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.startsWith("#"))
                    .toList();
            for (int i = 0; i < lines.size(); i += 3) {
                double[] x = numbers(lines.get(i));
                float[] input = new float[x.length];
                for (int k = 0; k < x.length; k++) {
                    input[k] = (float) x[k];
                }
                inputs.add(input);
                lps.add(numbers(lines.get(i + 1)));
                losses.add(numbers(lines.get(i + 2)));
            }
        }
        return new Fixture(inputs, lps, losses);
    }

    private static LineCtc network() {
        return LineCtc.load("line-ctc-fixture.onnx", W, H, ALPHABET);
    }

    @Test
    void runsTheGraphAsPyTorchDoesStepByStep() throws IOException {
        Fixture f = fixture();
        List<double[][]> lps = network().logProbabilities(f.inputs());

        assertThat(lps).hasSize(3);
        for (int i = 0; i < 3; i++) {
            double[][] lp = lps.get(i);
            assertThat(lp.length).isEqualTo(16);
            double[] flat = new double[lp.length * 4];
            for (int t = 0; t < lp.length; t++) {
                assertThat(lp[t]).hasSize(4);
                System.arraycopy(lp[t], 0, flat, t * 4, 4);
            }
            assertThat(flat).containsExactly(f.logProbabilities().get(i), TORCH);
        }
        // the two ramps differ only in direction: W×H taken for H×W would not give torch's answers to both
        assertThat(lps.get(0)[3][1]).isNotCloseTo(lps.get(1)[3][1], Offset.offset(1e-3));
    }

    @Test
    void likelihoodOfATextIsPyTorchsCtcLoss() throws IOException {
        Fixture f = fixture();
        LineCtc ctc = network();
        List<double[][]> lps = ctc.logProbabilities(f.inputs());
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < TEXTS.size(); k++) {
                assertThat(-ctc.logLikelihood(lps.get(i), TEXTS.get(k)))
                        .as("input %d, text %s", i, TEXTS.get(k))
                        .isCloseTo(f.losses().get(i)[k], TORCH);
            }
        }
    }

    /** Three steps, two classes and a blank: every alignment counted by hand. */
    @Test
    void likelihoodSumsEveryAlignmentOfTheText() {
        LineCtc ctc = network();
        double[][] p = {{0.5, 0.3, 0.2, 0}, {0.6, 0.3, 0.1, 0}, {0.2, 0.1, 0.7, 0}};
        double[][] lp = new double[3][4];
        for (int t = 0; t < 3; t++) {
            for (int c = 0; c < 4; c++) {
                lp[t][c] = Math.log(p[t][c]);
            }
        }
        // "AB" on three steps: AB-, A-B, -AB, AAB, ABB
        double ab = p[0][1] * p[1][2] * p[2][0]
                + p[0][1] * p[1][0] * p[2][2]
                + p[0][0] * p[1][1] * p[2][2]
                + p[0][1] * p[1][1] * p[2][2]
                + p[0][1] * p[1][2] * p[2][2];
        assertThat(ctc.logLikelihood(lp, "AB")).isCloseTo(Math.log(ab), Offset.offset(1e-12));
        // "AA" needs a blank between: only A-A
        assertThat(ctc.logLikelihood(lp, "AA")).isCloseTo(Math.log(p[0][1] * p[1][0] * p[2][1]), Offset.offset(1e-12));
        assertThat(ctc.logLikelihood(lp, "ABA1")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(ctc.logLikelihood(lp, "AX")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(ctc.logLikelihood(lp, "")).isCloseTo(Math.log(0.5 * 0.6 * 0.2), Offset.offset(1e-12));
    }

    @Test
    void greedyCollapsesRepeatsAndDropsBlanks() {
        LineCtc ctc = network();
        // best classes per step: A A blank A B B 1 blank → "AAB1"
        int[] best = {1, 1, 0, 1, 2, 2, 3, 0};
        double[][] lp = new double[best.length][4];
        for (int t = 0; t < best.length; t++) {
            for (int c = 0; c < 4; c++) {
                lp[t][c] = Math.log(c == best[t] ? 0.7 : 0.1);
            }
        }
        assertThat(ctc.greedy(lp)).isEqualTo("AAB1");
    }

    @Test
    void samplesFileHoldsInputsLengthsAndOneBasedClasses(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("lines.bin");
        float[] a = new float[W * H];
        float[] b = new float[W * H];
        a[0] = 0.25f;
        b[W * H - 1] = 1f;
        LineCtc.writeSamples(file, W, H, List.of(a, b), List.of("B1", "A"), ALPHABET);

        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(in.getInt()).isEqualTo(2);
        assertThat(in.getInt()).isEqualTo(H);
        assertThat(in.getInt()).isEqualTo(W);
        assertThat(in.getFloat(12)).isEqualTo(0.25f);
        assertThat(in.getFloat(12 + 4 * (2 * W * H - 1))).isEqualTo(1f);
        in.position(12 + 4 * 2 * W * H);
        assertThat(new int[] {in.getInt(), in.getInt(), in.getInt(), in.getInt(), in.getInt()})
                .containsExactly(2, 1, 2, 3, 1);
        assertThat(in.remaining()).isZero();
    }

    @Test
    void refusesTextsOutsideTheAlphabetAndMismatchedInputs(@TempDir Path dir) {
        Path file = dir.resolve("lines.bin");
        assertThatThrownBy(() -> LineCtc.writeSamples(file, W, H, List.of(new float[W * H]), List.of("AZ"), ALPHABET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Z', not in the alphabet");
        assertThatThrownBy(() -> LineCtc.writeSamples(file, W, H, List.of(new float[5]), List.of("A"), ALPHABET))
                .hasMessageContaining("5 values, not 32×16");
        assertThatThrownBy(() -> LineCtc.load("line-ctc-fixture.onnx", W, H, "AA1"))
                .hasMessageContaining("distinct");
        assertThatThrownBy(() ->
                        LineCtc.load("line-ctc-fixture.onnx", W, H, "AB12").logProbabilities(List.of(new float[W * H])))
                .hasMessageContaining("not a multiple of its 5 classes");
    }
}
