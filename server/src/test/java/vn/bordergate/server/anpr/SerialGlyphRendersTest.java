package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.moments;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Moments;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** The serial trainer's renders at a real cut's pixel size, and its sub-pixel moves of real glyphs. */
class SerialGlyphRendersTest {
    /**
     * Real cuts are 16–22 px high (cn-crops' even half: quartiles 18–20), so a render brought down to that size must
     * stay there; scaled back, it is the drawing's size (about 30 px) and smooth where a real cut is blocky.
     */
    @Test
    void aRenderAtCutSizeIsAsSmallAsARealCut() throws Exception {
        java.awt.Font font = ProvinceGlyphRenders.latinFont();
        List<Mat> neighbours = new ArrayList<>();
        for (char c : SerialClassifier.CLASSES.toCharArray()) {
            neighbours.add(ProvinceClassifierTrainer.render(font, c));
        }
        Random random = new Random(7);
        for (int k = 0; k < 40; k++) {
            try (Mat atCut = ProvinceGlyphRenders.lowQuality(box(neighbours, random), random, 15, 8, false);
                    Mat scaledBack = ProvinceGlyphRenders.lowQuality(box(neighbours, random), random, 15, 8, true)) {
                assertThat(atCut.rows()).isBetween(15, 22);
                assertThat(atCut.cols()).isBetween(4, 16);
                assertThat(scaledBack.rows()).isGreaterThan(25);
            }
        }
        neighbours.forEach(Mat::close);
    }

    /**
     * A real glyph is moved by fractions of a pixel, never more than the jitter and the scaling allow, and not only
     * by whole pixels (those were the trainer's only moves before).
     */
    @Test
    void aRealGlyphIsMovedByFractionsOfAPixel() {
        try (Mat glyph = new Mat(20, 11, CV_8UC1, new Scalar(200))) {
            rectangle(glyph, new Rect(3, 4, 5, 12), new Scalar(40), -1, 8, 0);
            double[] at = inkCentre(glyph);
            assertThat(SerialClassifierTrainer.jittered(glyph, new Random(1), 1, 0.08, true))
                    .as("the first repeat is the glyph as cut")
                    .isSameAs(glyph);
            Random random = new Random(3);
            int fractional = 0;
            for (int k = 0; k < 30; k++) {
                try (Mat moved = SerialClassifierTrainer.jittered(glyph, random, 1, 0.08, false)) {
                    double[] c = inkCentre(moved);
                    assertThat(moved.rows()).isEqualTo(glyph.rows());
                    assertThat(moved.cols()).isEqualTo(glyph.cols());
                    // at most 1 px of move plus 8 % of the centre's 1.5 px offset from the glyph's middle
                    assertThat(Math.abs(c[0] - at[0])).isLessThan(1.3);
                    assertThat(Math.abs(c[1] - at[1])).isLessThan(1.3);
                    double dx = c[0] - at[0];
                    fractional += Math.abs(dx - Math.round(dx)) > 0.1 ? 1 : 0;
                }
            }
            assertThat(fractional).isGreaterThan(10);
        }
    }

    private static Mat box(List<Mat> neighbours, Random random) {
        return SerialGlyphRenders.cut(neighbours.get(random.nextInt(neighbours.size())), neighbours, random);
    }

    /** The centre of the dark ink (grey inverted so that ink weighs). */
    private static double[] inkCentre(Mat grey) {
        try (Mat ink = new Mat()) {
            grey.convertTo(ink, CV_8UC1, -1, 255);
            Moments m = moments(ink);
            return new double[] {m.m10() / m.m00(), m.m01() / m.m00()};
        }
    }
}
