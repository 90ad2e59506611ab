package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** The frame's top edge joined to a two-row plate's top row is erased from its line image; characters stay. */
class FrameTopTest {
    @Test
    void aBarAcrossTheTopIsErasedDownToItsLowestRow() {
        try (Mat ink = characters()) {
            fill(ink, new Rect(10, 0, 180, 6)); // the frame's edge across 90 % of the row
            fill(ink, new Rect(20, 6, 30, 2)); // a character's top joined to it

            assertThat(FrameTop.clear(ink)).isEqualTo(6);

            try (Mat bar = new Mat(ink, new Rect(0, 0, 200, 6))) {
                assertThat(countNonZero(bar)).isZero();
            }
            // the characters below the bar, the joined top's rows under the bar included, are untouched
            try (Mat below = new Mat(ink, new Rect(0, 6, 200, 58))) {
                assertThat(countNonZero(below)).isEqualTo(4 * 20 * 40 + 30 * 2);
            }
        }
    }

    @Test
    void characterTopsAloneAreNoBar() {
        try (Mat ink = characters()) {
            int before = countNonZero(ink);

            assertThat(FrameTop.clear(ink)).isZero();
            assertThat(countNonZero(ink)).isEqualTo(before);
        }
    }

    @Test
    void aBarBelowTheTopThirdIsLeftAlone() {
        try (Mat ink = new Mat(64, 200, CV_8U, new Scalar(0))) {
            fill(ink, new Rect(0, 40, 200, 4)); // a long stroke low in the row: not the frame's top edge

            assertThat(FrameTop.clear(ink)).isZero();
            assertThat(countNonZero(ink)).isEqualTo(800);
        }
    }

    /** Four 20 × 40 character strokes (ink = 255) from row 12 of a 64-row, 200-column line: 40 % of a row's width. */
    private static Mat characters() {
        Mat ink = new Mat(64, 200, CV_8U, new Scalar(0));
        for (int k = 0; k < 4; k++) {
            fill(ink, new Rect(20 + 45 * k, 12, 20, 40));
        }
        return ink;
    }

    private static void fill(Mat ink, Rect r) {
        try (Mat part = new Mat(ink, r)) {
            part.put(new Scalar(255));
        }
    }
}
