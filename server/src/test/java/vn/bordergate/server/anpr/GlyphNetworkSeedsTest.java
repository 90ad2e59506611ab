package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/** The bundled glyph readers average every committed training of their network ({@link GlyphNetworkSeeds}). */
class GlyphNetworkSeedsTest {

    @Test
    void theBundledProvinceReaderAveragesEveryCommittedNetwork() throws Exception {
        List<String> files = committed("province-cnn");
        ProvinceCnn bundled = ProvinceCnn.bundled();
        assertThat(bundled.networks()).isEqualTo(files.size());
        List<float[]> inputs = new ArrayList<>();
        for (char c : "皖浙湘粤".toCharArray()) {
            try (Mat glyph = ProvinceClassifierTrainer.render(ProvinceClassifierTrainer.font(), c)) {
                inputs.add(ProvinceCnn.input(glyph));
            }
        }
        double[][] expected = mean(files, ProvinceCnn.WIDTH, ProvinceCnn.HEIGHT, inputs);
        double[][] p = bundled.probabilities(inputs);
        for (int i = 0; i < p.length; i++) {
            for (int c = 0; c < p[i].length; c++) { // the reader drops the last class, "no province"
                assertThat(p[i][c]).isCloseTo(expected[i][c], within(1e-9));
            }
        }
    }

    @Test
    void theBundledSerialReaderAveragesEveryCommittedNetwork() throws Exception {
        List<String> files = committed("serial-cnn");
        assertThat(SerialGlyphNetwork.bundled().networks()).isEqualTo(files.size());
        Random random = new Random(3);
        float[] input = new float[SerialGlyphNetwork.WIDTH * SerialGlyphNetwork.HEIGHT];
        for (int i = 0; i < input.length; i++) {
            input[i] = random.nextFloat();
        }
        double[][] expected = mean(files, SerialGlyphNetwork.WIDTH, SerialGlyphNetwork.HEIGHT, List.of(input));
        GlyphNetworkSeeds seeds = GlyphNetworkSeeds.load(
                SerialGlyphNetwork.RESOURCE, SerialGlyphNetwork.WIDTH, SerialGlyphNetwork.HEIGHT, Integer.MAX_VALUE);
        assertThat(seeds.probabilities(List.of(input))[0]).containsExactly(expected[0], within(1e-9));
    }

    /** The committed files {@code stem.onnx}, {@code stem-2.onnx}, … beside the anpr classes. */
    private static List<String> committed(String stem) throws IOException, URISyntaxException {
        Path folder =
                Path.of(GlyphCnn.class.getResource(stem + ".onnx").toURI()).getParent();
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches(stem + "(-\\d+)?\\.onnx"))
                    .sorted()
                    .toList();
        }
    }

    private static double[][] mean(List<String> files, int width, int height, List<float[]> inputs) {
        double[][] sum = new double[inputs.size()][];
        for (String file : files) {
            double[][] p = GlyphCnn.load(file, width, height).probabilities(inputs);
            for (int i = 0; i < p.length; i++) {
                sum[i] = sum[i] == null ? new double[p[i].length] : sum[i];
                for (int c = 0; c < p[i].length; c++) {
                    sum[i][c] += p[i][c] / files.size();
                }
            }
        }
        return sum;
    }
}
