package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.plate.PlateGrammarSymbol;

/**
 * The serial networks' training glyphs ({@link SerialTrainingGlyphs}) on cn-crops: the even half's crops that only the
 * other-way or frame-cut fit places are taken too, a placement that disagrees with its label is left out, and the
 * networks trained so read more held-out (odd-numbered) serials than those committed before.
 */
class SerialTrainingGlyphsTest {
    private static final SerialClassifier SERIALS = SerialClassifier.bundled();

    @Test
    void evenCropsThatOnlyTheLaterFitsPlaceAreTrainedOnAndMisplacedOnesAreNot() throws Exception {
        Path folder = folder();
        int firstFit = 0;
        int added = 0;
        int refused = 0;
        for (String[] f : half(folder, false)) {
            try (Mat bgr = ImageDecoder.read(folder.resolve(f[0])).orElseThrow()) {
                List<Mat> first = SerialClassifier.glyphsOfCrop(bgr);
                List<Mat> taken = SerialTrainingGlyphs.of(bgr, f[2], SERIALS);
                firstFit += first != null ? 1 : 0;
                added += first == null && taken != null ? 1 : 0;
                refused += first != null && taken == null ? 1 : 0;
                close(first);
                close(taken);
            }
        }
        System.out.printf("SerialTrainingGlyphsTest: first fit %d, added %d, refused %d%n", firstFit, added, refused);
        // measured 2026-11-24 with main a80939c's networks choosing: of the 253 even crops the first fit places 210,
        // the
        // later fits place 26 more, and 14 of the 210 are left out (those networks agreed with fewer than 3 of their
        // six labels). Run now, the networks on the classpath are the retrained ones, so the counts may move a little.
        assertThat(added).as("placed only by the later fits").isGreaterThanOrEqualTo(18);
        assertThat(refused).as("placements disagreeing with the label").isBetween(1, 25);
    }

    @Test
    void theNetworksReadMoreHeldOutSerialsThanBefore() throws Exception {
        Path folder = folder();
        int right = 0;
        for (String[] f : half(folder, true)) {
            try (Mat bgr = ImageDecoder.read(folder.resolve(f[0])).orElseThrow();
                    Mat grey = CropGrey.straight(bgr)) {
                Rect[] boxes = SerialGlyphs.boxes(grey, PlateRows.of(grey).top());
                if (boxes == null) {
                    continue;
                }
                List<PlateGrammarSymbol> six;
                // read as the reader reads them: slanted crops made upright first (GlyphShear)
                try (Mat upright = GlyphShear.upright(grey, boxes)) {
                    six = SERIALS.read(upright == null ? grey : upright, boxes);
                }
                if (six != null) { // null: a place off the crop, a serial not read
                    StringBuilder read = new StringBuilder();
                    six.forEach(symbol -> read.append(symbol.best()));
                    right += read.toString().equals(f[2].substring(1)) ? 1 : 0;
                }
            }
        }
        // the networks committed at a80939c read 127 of the 247 held-out serials at the first fit; 63af6c6's read 135;
        // the networks retrained on upright glyphs (branch cnheld) read 131 as cut and 149 as the reader reads them:
        // the floor keeps the margin of three it had before
        assertThat(right).as("six Latin glyphs right of 247").isGreaterThanOrEqualTo(146);
    }

    private static Path folder() {
        Path folder = TestImages.realSet("cn-crops").orElse(null);
        assumeTrue(folder != null, "../shared/plates/cn-crops is absent");
        return folder;
    }

    private static List<String[]> half(Path folder, boolean heldOut) throws Exception {
        return Files.readAllLines(folder.resolve("labels.csv")).stream()
                .map(line -> line.split(","))
                .filter(f -> f.length >= 3 && !f[0].equals("file") && f[2].length() == SerialGlyphs.COUNT)
                .filter(f -> ProvinceClassifierTrainer.heldOut(folder.resolve(f[0])) == heldOut)
                .toList();
    }

    private static void close(List<Mat> glyphs) {
        if (glyphs != null) {
            glyphs.stream().filter(g -> g != null).forEach(Mat::close);
        }
    }
}
