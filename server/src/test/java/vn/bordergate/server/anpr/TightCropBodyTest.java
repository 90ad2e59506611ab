package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.getRotationMatrix2D;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/**
 * A one-row plate cropped tightly, its first characters touching the crop's top and bottom: they cut the light
 * background into pieces, and the largest piece (from the third character on) used to be warped up as the plate's body,
 * dropping the province digits (vn-one-row crops read {@code FO3641} for {@code 30F-036.41}).
 */
class TightCropBodyTest {
    @Test
    void aTightCropIsNotCutToTheLargestPieceOfItsBackground() {
        try (Mat grey = plate(true)) {
            assertThat(PlateRectifier.body(grey))
                    .as("no body: the crop is the plate")
                    .isNull();
        }
        try (Mat bgr = bgr(plate(true));
                Mat straight = CropGrey.straight(bgr)) {
            assertThat(straight.cols()).isEqualTo(240);
        }
    }

    @Test
    void theSameCropWithTheFirstCharactersClearOfTheEdgesHasNoBodyEither() {
        // the background is one region filling the crop: nothing to straighten (PlateRectifier.FILLS)
        try (Mat grey = plate(false)) {
            assertThat(PlateRectifier.body(grey)).isNull();
        }
    }

    @Test
    void aPlateInALooseCropIsStillFoundAndStraightened() {
        try (Mat plate = plate(false);
                Mat loose = new Mat(90, 320, CV_8U, new Scalar(30));
                Mat inside = new Mat(loose, new Rect(40, 23, 240, 44))) {
            plate.copyTo(inside);

            assertThat(PlateRectifier.body(loose))
                    .as("the plate's corners in the loose crop")
                    .isNotNull();
            try (Mat bgr = bgr(loose);
                    Mat straight = CropGrey.straight(bgr)) {
                assertThat(straight.cols()).isBetween(236, 244);
                assertThat(straight.rows()).isBetween(40, 48);
            }
        }
    }

    /** A tilted plate's upright bounding box spans most of a crop with little margin above and below: not a piece. */
    @Test
    void aTiltedPlateInACropLooseOnlyAtItsSidesIsStillStraightened() {
        try (Mat plate = plate(false);
                // turned 8°, the plate's upright bounds are 244 × 77: 92 % of the crop's height, 76 % of its width
                Mat loose = new Mat(84, 320, CV_8U, new Scalar(30));
                Mat inside = new Mat(loose, new Rect(40, 20, 240, 44));
                Mat turn = getRotationMatrix2D(new Point2f(160, 42), 8, 1);
                Mat tilted = new Mat()) {
            plate.copyTo(inside);
            warpAffine(loose, tilted, turn, loose.size(), INTER_LINEAR, BORDER_CONSTANT, new Scalar(30));

            assertThat(PlateRectifier.body(tilted))
                    .as("the tilted plate's corners")
                    .isNotNull();
            try (Mat bgr = bgr(tilted);
                    Mat straight = CropGrey.straight(bgr)) {
                assertThat(straight.cols()).isBetween(232, 248);
                assertThat(straight.rows()).isBetween(38, 50);
            }
        }
    }

    @Test
    void aPieceIsOnlyEverTakenForOneOfAOneRowCrop() {
        // full height, half the width, but of a two-row-shaped crop: a plate beside other light things
        try (Rect piece = new Rect(30, 0, 60, 100)) {
            assertThat(PlateRectifier.pieceOfATightCrop(140, 100, piece)).isFalse();
            assertThat(PlateRectifier.pieceOfATightCrop(400, 100, piece)).isTrue();
        }
        // nearly as tall but stopping short of the top row: inside the crop, not cut off by it
        try (Rect inside = new Rect(30, 4, 60, 94)) {
            assertThat(PlateRectifier.pieceOfATightCrop(400, 100, inside)).isFalse();
        }
    }

    /**
     * A light plate (200), 240 × 44, with eight dark ring-shaped characters (40); with {@code tight} the first two
     * span the whole height, as in a crop cut along the characters' tops and bottoms.
     */
    private static Mat plate(boolean tight) {
        Mat grey = new Mat(44, 240, CV_8U, new Scalar(200));
        for (int k = 0; k < 8; k++) {
            int x = 6 + 29 * k + (k >= 3 ? 4 : 0);
            int y = tight && k < 2 ? 0 : 6;
            int h = tight && k < 2 ? 44 : 32;
            fill(grey, new Rect(x, y, 16, h), 40);
            fill(grey, new Rect(x + 4, y + 4, 8, h - 8), 200);
        }
        return grey;
    }

    private static Mat bgr(Mat grey) {
        Mat bgr = new Mat();
        cvtColor(grey, bgr, COLOR_GRAY2BGR);
        return bgr;
    }

    private static void fill(Mat grey, Rect r, int value) {
        try (Mat part = new Mat(grey, r)) {
            part.put(new Scalar(value));
        }
    }
}
