package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/**
 * The glyph classifiers average their outputs over five cuts of a box ({@link ProvinceGlyph#averaged}): on the
 * held-out (odd-numbered) cn-crops half, whole serials and provinces are right more often than from the one box.
 */
class FiveCutsTest {
    // the perceptrons, whose five cuts were measured here (the convolutional network reads the same five cuts)
    private static final SerialClassifier SERIALS = SerialClassifier.mlps();
    private static final ProvinceClassifier PROVINCES = ProvinceClassifier.bundled(0);

    @Test
    void fiveCutsReadMoreHeldOutSerialsAndProvincesThanOne() throws Exception {
        Path folder = TestImages.realSet("cn-crops").orElse(null);
        assumeTrue(folder != null, "../shared/plates/cn-crops is absent");
        int[] serials = new int[2];
        int[] provinces = new int[2];
        int crops = 0;
        for (String line : Files.readAllLines(folder.resolve("labels.csv"))) {
            String[] f = line.split(",");
            if (f[0].equals("file") || !ProvinceClassifierTrainer.heldOut(folder.resolve(f[0]))) {
                continue; // even numbers were training data
            }
            crops++;
            try (Mat bgr = ImageDecoder.read(folder.resolve(f[0])).orElseThrow();
                    Mat grey = CropGrey.straight(bgr)) {
                Rect band = PlateRows.of(grey).top();
                Rect[] boxes = SerialGlyphs.boxes(grey, band);
                if (boxes != null && serialRight(grey, boxes, f[2], false)) {
                    serials[0]++;
                }
                if (boxes != null && serialRight(grey, boxes, f[2], true)) {
                    serials[1]++;
                }
                Rect box = ProvinceGlyph.box(grey, band);
                if (box != null) {
                    provinces[0] +=
                            best(one(grey, box, PROVINCES::probabilities), ProvinceClassifier.CLASSES) == f[2].charAt(0)
                                    ? 1
                                    : 0;
                    provinces[1] += PROVINCES.readAt(grey, box).best() == f[2].charAt(0) ? 1 : 0;
                }
            }
        }
        assertThat(crops).isEqualTo(247);
        // measured 2026-11-23: serials 68 → 83 of 247, provinces 150 → 159
        assertThat(serials[1])
                .as("serials right, one cut %d, five cuts %d", serials[0], serials[1])
                .isGreaterThanOrEqualTo(serials[0] + 8)
                .isGreaterThanOrEqualTo(78);
        assertThat(provinces[1])
                .as("provinces right, one cut %d, five cuts %d", provinces[0], provinces[1])
                .isGreaterThanOrEqualTo(provinces[0] + 4);
    }

    @Test
    void aBoxAtTheCropsEdgeIsReadFromTheCutsOnTheCrop() {
        try (Mat grey = new Mat(24, 94, CV_8UC1, new Scalar(220))) {
            double[] p = ProvinceGlyph.averaged(grey, new Rect(0, 0, 12, 24), PROVINCES::probabilities);
            assertThat(p).hasSize(ProvinceClassifier.CLASSES.length());
            assertThat(java.util.Arrays.stream(p).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    private static boolean serialRight(Mat grey, Rect[] boxes, String plate, boolean fiveCuts) {
        for (int k = 1; k < SerialGlyphs.COUNT; k++) {
            if (boxes[k] == null) {
                return false;
            }
            double[] p = fiveCuts
                    ? ProvinceGlyph.averaged(grey, boxes[k], SERIALS::probabilities)
                    : one(grey, boxes[k], SERIALS::probabilities);
            if (best(p, SerialClassifier.CLASSES) != plate.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static double[] one(Mat grey, Rect box, java.util.function.Function<float[], double[]> classifier) {
        try (Mat glyph = new Mat(grey, box)) {
            return classifier.apply(ProvinceGlyph.features(glyph));
        }
    }

    private static char best(double[] p, String classes) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            best = p[i] > p[best] ? i : best;
        }
        return classes.charAt(best);
    }
}
