package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

/** The characters' slant ({@link GlyphShear}) on drawn one-row plates: found, and taken out only when there is one. */
class GlyphShearTest {
    private static final Rect BAND = new Rect(0, 4, 94, 16);

    @Test
    void aSlantedRowIsFoundSlantedAndMadeUpright() {
        try (Mat upright = plate();
                Mat slanted = slanted(upright, 0.25)) {
            assertThat(GlyphShear.of(upright, BAND)).as("upright strokes").isZero();
            assertThat(GlyphShear.of(slanted, BAND))
                    .as("tops leaning right by 0.25 px per px")
                    .isCloseTo(0.25, within());

            try (Mat madeUpright = GlyphShear.upright(slanted, BAND)) {
                assertThat(madeUpright).as("a slanted row is changed").isNotNull();
                // the strokes stand upright again: each drawn stroke's column is dark from top to bottom
                assertThat(GlyphShear.of(madeUpright, BAND)).isCloseTo(0.0, within());
                for (int k = 0; k < 7; k++) {
                    int x = 8 + 12 * k;
                    assertThat(darkRows(madeUpright, x))
                            .as("stroke %d at x %d", k, x)
                            .isGreaterThanOrEqualTo(10);
                    assertThat(darkRows(slanted, x)).as("stroke %d slanted", k).isLessThan(darkRows(madeUpright, x));
                }
            }
        }
    }

    @Test
    void aMirroredRowLeansTheOtherWayByAsMuch() {
        // the search runs from one end of the slants: neither side may be favoured
        for (double slant : new double[] {0.1, 0.25, 0.35}) {
            try (Mat upright = plate();
                    Mat slanted = slanted(upright, slant);
                    Mat mirrored = new Mat()) {
                org.bytedeco.opencv.global.opencv_core.flip(slanted, mirrored, 1);
                assertThat(GlyphShear.of(mirrored, BAND))
                        .as("mirror of a row leaning %s", slant)
                        .isCloseTo(-GlyphShear.of(slanted, BAND), org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Test
    void anUprightRowIsLeftAlone() {
        try (Mat upright = plate();
                Mat nearlyUpright = slanted(upright, 0.05)) {
            assertThat(GlyphShear.upright(upright, BAND)).isNull();
            assertThat(GlyphShear.upright(nearlyUpright, BAND))
                    .as("under the smallest slant taken out")
                    .isNull();
        }
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(GlyphShear.STEP / 2 + 1e-9);
    }

    /** A light 94 × 24 crop with seven characters drawn as upright bars (a stroke 2 px wide, 12 px tall). */
    private static Mat plate() {
        Mat grey = new Mat(24, 94, CV_8UC1, new Scalar(215));
        for (int k = 0; k < 7; k++) {
            int x = 8 + 12 * k;
            rectangle(grey, new Rect(x - 1, 6, 3, 12), new Scalar(30), -1, 8, 0);
            rectangle(grey, new Rect(x - 1, 6, 6, 2), new Scalar(30), -1, 8, 0);
        }
        return grey;
    }

    /** {@code grey} with its rows' tops moved right by {@code slant} px per px above the band's middle row. */
    private static Mat slanted(Mat grey, double slant) {
        double centre = BAND.y() + BAND.height() / 2.0;
        Mat out = new Mat();
        try (Mat m = new Mat(2, 3, CV_64F);
                DoubleIndexer i = m.createIndexer()) {
            i.put(0, 0, 1);
            i.put(0, 1, -slant);
            i.put(0, 2, slant * centre);
            i.put(1, 0, 0);
            i.put(1, 1, 1);
            i.put(1, 2, 0);
            warpAffine(
                    grey, out, m, new Size(grey.cols(), grey.rows()), INTER_LINEAR, BORDER_CONSTANT, new Scalar(215));
        }
        return out;
    }

    private static int darkRows(Mat grey, int x) {
        int n = 0;
        try (org.bytedeco.javacpp.indexer.UByteIndexer g = grey.createIndexer()) {
            for (int y = 0; y < grey.rows(); y++) {
                n += g.get(y, x) < 120 ? 1 : 0;
            }
        }
        return n;
    }
}
