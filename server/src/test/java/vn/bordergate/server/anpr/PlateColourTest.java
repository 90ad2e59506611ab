package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.plate.PlateKind;

/** A crop with no colour at all makes a Chinese read costlier than a merely pale one does. */
class PlateColourTest {
    @Test
    void aGreyCropIsColourlessAndAPaleBlueOneIsNot() {
        try (Mat grey = plate(new Scalar(200, 200, 200, 0), 0);
                Mat paleBlue = plate(new Scalar(200, 200, 200, 0), 12)) {
            assertThat(PlateColour.of(grey)).isEqualTo(PlateColour.WHITE);
            assertThat(PlateColour.colourless(grey)).isTrue();
            // a tenth of the crop washed-out blue: still white by the hue vote, but not colourless
            assertThat(PlateColour.of(paleBlue)).isEqualTo(PlateColour.WHITE);
            assertThat(PlateColour.colourless(paleBlue)).isFalse();
        }
    }

    @Test
    void aBlackPlateIsNotColourless() {
        // white text on black: a Chinese cross-border plate has no colour either
        try (Mat black = plate(new Scalar(20, 20, 20, 0), 0)) {
            try (Mat text = new Mat(black, new org.bytedeco.opencv.opencv_core.Rect(30, 10, 30, 5))) {
                text.put(new Scalar(230, 230, 230, 0));
            }
            assertThat(PlateColour.of(black)).isEqualTo(PlateColour.WHITE);
            assertThat(PlateColour.colourless(black)).isFalse();
        }
    }

    @Test
    void aChineseKindCostsMoreOnAColourlessWhiteCropOnly() {
        PlateColour white = PlateColour.WHITE;
        assertThat(white.unlikely(PlateKind.CN_STANDARD, true)).isEqualTo(PlateColour.COLOURLESS_CHINESE);
        assertThat(white.unlikely(PlateKind.CN_STANDARD, false)).isEqualTo(white.unlikely(PlateKind.CN_STANDARD));
        assertThat(white.unlikely(PlateKind.VN_VEHICLE, true)).isZero();
        assertThat(PlateColour.BLUE.unlikely(PlateKind.CN_STANDARD, true)).isZero();
        assertThat(PlateColour.COLOURLESS_CHINESE).isGreaterThan(white.unlikely(PlateKind.CN_STANDARD));
    }

    /** A 100×25 BGR crop of {@code background} whose left {@code blueColumns} columns are a saturated blue. */
    private static Mat plate(Scalar background, int blueColumns) {
        Mat bgr = new Mat(25, 100, org.bytedeco.opencv.global.opencv_core.CV_8UC3, background);
        if (blueColumns > 0) {
            try (Mat strip = new Mat(bgr, new org.bytedeco.opencv.opencv_core.Rect(0, 0, blueColumns, 25))) {
                try (Mat blue = new Mat(
                        25, blueColumns, org.bytedeco.opencv.global.opencv_core.CV_8UC3, new Scalar(200, 60, 20, 0))) {
                    blue.copyTo(strip);
                }
            }
        }
        return bgr;
    }
}
