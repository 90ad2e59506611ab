package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/**
 * The serial glyph classifier as committed: loaded from the classpath, it reads the Latin glyphs of cn-crops images
 * training never saw (odd numbers), cut by the layout fit; a crop without characters gives no layout.
 */
class SerialClassifierTest {
    @Test
    void readsHeldOutChineseGlyphs() throws Exception {
        Path folder = TestImages.realSet("cn-crops").orElse(null);
        assumeTrue(folder != null, "../shared/plates/cn-crops is absent");
        SerialClassifier classifier = SerialClassifier.bundled();
        List<ProvinceClassifierTrainer.Real> glyphs = SerialClassifierTrainer.realGlyphs(folder, true);
        int right = 0;
        for (ProvinceClassifierTrainer.Real r : glyphs) {
            double[] p = classifier.probabilities(r.glyph());
            right += SerialClassifier.symbol(p).best() == SerialClassifier.CLASSES.charAt(r.label()) ? 1 : 0;
            r.glyph().close();
        }
        // 247 held-out crops: measured 1182 glyphs cut (the layout fits 197 crops), 819 right (69 %); 844 (71 %) with
        // the plate-like renders (2026-11-23, branch cnserial); 1194 cut, the five perceptrons 1022 (86 %), the
        // convolutional network 1133 (95 %) (2026-11-25, branch cnnserial)
        assertThat(glyphs.size()).isGreaterThan(1000);
        assertThat((double) right / glyphs.size())
                .as("%d/%d glyphs right", right, glyphs.size())
                .isGreaterThanOrEqualTo(0.92);
    }

    @Test
    void heldOutCropsWithoutLayoutAreReadTheOtherWay() throws Exception {
        Path folder = TestImages.realSet("cn-crops").orElse(null);
        assumeTrue(folder != null, "../shared/plates/cn-crops is absent");
        SerialClassifier classifier = SerialClassifier.bundled();
        int unfitted = 0;
        int fittedOtherWay = 0;
        int serialsRight = 0;
        for (String line : java.nio.file.Files.readAllLines(folder.resolve("labels.csv"))) {
            String[] f = line.split(",");
            if (f[0].equals("file") || !ProvinceClassifierTrainer.heldOut(folder.resolve(f[0]))) {
                continue;
            }
            try (Mat bgr = ImageDecoder.read(folder.resolve(f[0])).orElseThrow();
                    Mat grey = CropGrey.straight(bgr)) {
                if (SerialGlyphs.boxes(grey, PlateRows.of(grey).top()) != null) {
                    continue;
                }
                unfitted++;
                try (Mat other = CropGrey.otherWay(bgr)) {
                    List<vn.bordergate.common.plate.PlateGrammarSymbol> six =
                            classifier.read(other, PlateRows.of(other).top());
                    if (six == null) {
                        continue;
                    }
                    fittedOtherWay++;
                    StringBuilder read = new StringBuilder();
                    six.forEach(symbol -> read.append(symbol.best()));
                    serialsRight += read.toString().equals(f[2].substring(1)) ? 1 : 0;
                }
            }
        }
        // measured 2026-11-23: the layout does not fit 50 of the 247 held-out crops as cut; turned the other way it
        // fits 22 of them (light text taken for dark), 12 with all six Latin glyphs right
        assertThat(unfitted).isLessThan(60);
        assertThat(fittedOtherWay)
                .as("unfitted %d, fitted the other way (serials right %d)", unfitted, serialsRight)
                .isGreaterThanOrEqualTo(18);
        assertThat(serialsRight).isGreaterThanOrEqualTo(8);
    }

    @Test
    void eachPlaceIsItsCutsProbabilitiesAveragedOverTheNetworks() throws Exception {
        Path folder = TestImages.realSet("cn-crops").orElse(null);
        assumeTrue(folder != null, "../shared/plates/cn-crops is absent");
        // the perceptrons' batched read (the convolutional network's: SerialCnnTest)
        SerialClassifier classifier = SerialClassifier.mlps();
        int compared = 0;
        for (String line : java.nio.file.Files.readAllLines(folder.resolve("labels.csv"))) {
            String[] f = line.split(",");
            if (f[0].equals("file") || compared >= 40) {
                continue;
            }
            try (Mat bgr = ImageDecoder.read(folder.resolve(f[0])).orElseThrow();
                    Mat grey = CropGrey.straight(bgr)) {
                Rect[] boxes = SerialGlyphs.boxes(grey, PlateRows.of(grey).top());
                List<vn.bordergate.common.plate.PlateGrammarSymbol> six =
                        boxes == null ? null : classifier.read(grey, boxes);
                if (six == null) {
                    continue;
                }
                // the batched read against one cut and one network at a time
                for (int k = 1; k < SerialGlyphs.COUNT; k++) {
                    double[] p = ProvinceGlyph.averaged(grey, boxes[k], classifier::probabilities);
                    var expected = SerialClassifier.symbol(p).choices();
                    var actual = six.get(k - 1).choices();
                    for (int c = 0; c < expected.size(); c++) {
                        assertThat(actual.get(c).character())
                                .isEqualTo(expected.get(c).character());
                        assertThat(actual.get(c).probability())
                                .isCloseTo(expected.get(c).probability(), org.assertj.core.data.Offset.offset(1e-6));
                    }
                }
                compared++;
            }
        }
        assertThat(compared).isEqualTo(40);
    }

    @Test
    void aCropWithoutCharactersHasNoLayout() {
        try (Mat blank = new Mat(24, 94, CV_8UC1, new Scalar(200))) {
            assertThat(SerialGlyphs.boxes(blank, new Rect(0, 0, 94, 24))).isNull();
            assertThat(SerialClassifier.bundled().read(blank, new Rect(0, 0, 94, 24)))
                    .isNull();
        }
    }
}
