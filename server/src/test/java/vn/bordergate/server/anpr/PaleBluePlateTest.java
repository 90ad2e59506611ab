package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.plate.PlateKind;

/**
 * A blue plate too washed out for a colour (hazy, overexposed, dusk) is still blue when the middle of its crop keeps a
 * blue hue and its text is light; a white plate under a blue cast has dark text and stays white
 * ({@code PlateColour.paleBlue}; docs/anpr.md, "Scenes: the rim, pale blue plates").
 */
class PaleBluePlateTest {
    /** OpenCV hue 105 (blue), saturation 60 of 255: below the 70 a colour takes. */
    private static final Scalar PALE_BLUE = new Scalar(170, 150, 130, 0);
    /** Hue 105, saturation 33: a white plate under a blue cast. */
    private static final Scalar BLUE_CAST_WHITE = new Scalar(230, 215, 200, 0);

    @Test
    void aPaleBluePlateWithLightTextIsBlue() {
        try (Mat plate = plate(PALE_BLUE, new Scalar(245, 245, 245, 0))) {
            PlateColour colour = PlateColour.of(plate);
            assertThat(colour).isEqualTo(PlateColour.BLUE);
            // what the rule is for: a read of this plate as a Vietnamese military one pays for the colour
            assertThat(colour.unlikely(PlateKind.VN_MILITARY)).isPositive();
        }
    }

    @Test
    void aWhitePlateUnderABlueCastWithDarkTextStaysWhite() {
        try (Mat plate = plate(BLUE_CAST_WHITE, new Scalar(30, 30, 30, 0))) {
            assertThat(PlateColour.of(plate)).isEqualTo(PlateColour.WHITE);
        }
    }

    @Test
    void aGreyPlateWithLightTextStaysWhite() {
        try (Mat plate = plate(new Scalar(150, 150, 150, 0), new Scalar(245, 245, 245, 0))) {
            assertThat(PlateColour.of(plate)).isEqualTo(PlateColour.WHITE);
        }
    }

    @Test
    void aHazyBluePlateIsNotReadAsAMilitaryPlate() {
        // base: AA8457, a Vietnamese military plate; the plate is 粤AAB457, blue, its loose cut taken for white
        PlateCandidate best = TestImages.bestRead("cn-scenes", "easypr_163.jpg");
        assertThat(best.match().kind()).isEqualTo(PlateKind.CN_STANDARD);
        assertThat(best.text()).endsWith("AAB457");
    }

    /** A 160×40 crop of {@code background} with seven character-sized strokes of {@code ink} across its middle. */
    private static Mat plate(Scalar background, Scalar ink) {
        Mat bgr = new Mat(40, 160, org.bytedeco.opencv.global.opencv_core.CV_8UC3, background);
        for (int i = 0; i < 7; i++) {
            try (Mat stroke = new Mat(bgr, new Rect(12 + i * 20, 8, 5, 24))) {
                stroke.put(ink);
            }
        }
        return bgr;
    }
}
