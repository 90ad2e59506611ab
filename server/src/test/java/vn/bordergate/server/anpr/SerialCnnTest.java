package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The committed convolutional serial network ({@code serial-cnn.onnx}): the reader's classifier uses it, and it reads
 * glyphs it was not trained on — fresh renders always, the held-out cn-crops half when the sets are present — better
 * than the multilayer perceptrons it replaces.
 */
class SerialCnnTest {
    @Test
    void theBundledClassifierReadsWithTheNetwork() {
        assertThat(SerialClassifier.bundled().convolutional()).isTrue();
        assertThat(SerialClassifier.mlps().convolutional()).isFalse();
    }

    @Test
    void readsRendersItWasNotTrainedOn() throws Exception {
        // another seed than the exporter's: renders the network never saw
        List<ProvinceClassifierTrainer.Real> renders = SerialGlyphSamples.renders(new Random(5), 10);
        int[] right = rightOf(renders, SerialClassifier.bundled(), SerialClassifier.mlps());
        // measured 2026-11-25 (branch cnnserial): network 339, perceptrons 289 of 340
        assertThat(right[0])
                .as("network %d, perceptrons %d of %d renders", right[0], right[1], renders.size())
                .isGreaterThanOrEqualTo(320)
                .isGreaterThan(right[1] + 20);
    }

    @Test
    void readsMoreHeldOutGlyphsThanThePerceptrons() throws Exception {
        Path folder = TestImages.realSet("cn-crops").orElse(null);
        assumeTrue(folder != null, "../shared/plates/cn-crops is absent");
        List<ProvinceClassifierTrainer.Real> glyphs = SerialClassifierTrainer.realGlyphs(folder, true);
        int[] right = rightOf(glyphs, SerialClassifier.bundled(), SerialClassifier.mlps());
        // measured 2026-11-25 (branch cnnserial): network 1133, perceptrons 1022 of 1194
        assertThat(right[0])
                .as("network %d, perceptrons %d of %d held-out glyphs", right[0], right[1], glyphs.size())
                .isGreaterThanOrEqualTo(right[1] + 80);
    }

    /** How many glyphs each classifier puts the right class first for (one cut each); closes the glyphs. */
    private static int[] rightOf(List<ProvinceClassifierTrainer.Real> glyphs, SerialClassifier... classifiers) {
        int[] right = new int[classifiers.length];
        for (ProvinceClassifierTrainer.Real r : glyphs) {
            for (int c = 0; c < classifiers.length; c++) {
                double[] p = classifiers[c].probabilities(r.glyph());
                right[c] += SerialClassifier.symbol(p).best() == SerialClassifier.CLASSES.charAt(r.label()) ? 1 : 0;
            }
            r.glyph().close();
        }
        return right;
    }
}
