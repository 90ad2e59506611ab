package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** The layout fit ({@link SerialGlyphs}) on drawn plates whose characters are wider apart than their height says. */
class SerialGlyphsTest {
    /**
     * A 94 × 24 crop squeezed like cn-crops' (the plate fills the width, its characters are 11 px tall): the layout's
     * scale is 1.75 times what the characters' height gives. Every box must sit on its drawn character; with the search
     * stopping at 1.4 times, the fit was one place off (or none was found).
     */
    @Test
    void aSqueezedPlateIsFittedAtItsOwnScale() {
        double scale = 94.0 / 440; // px per mm across the crop
        int top = 6;
        int height = 10;
        try (Mat grey = new Mat(24, 94, CV_8UC1, new Scalar(215))) {
            double[] centres = new double[SerialGlyphs.COUNT];
            for (int k = 0; k < SerialGlyphs.COUNT; k++) {
                centres[k] = scale * SerialGlyphs.CENTRES[k];
                int x = (int) Math.round(centres[k] - 4);
                // an outlined character: tall, narrow and not solid, like a thresholded glyph
                rectangle(grey, new Rect(x, top, 8, height), new Scalar(30), 2, 8, 0);
            }
            // the dot between the region letter and the serial
            int dot = (int) Math.round(scale * 134.5);
            rectangle(grey, new Point(dot - 1, top + 5), new Point(dot, top + 6), new Scalar(30), -1, 8, 0);

            Rect[] boxes = SerialGlyphs.boxes(grey, new Rect(0, top - 2, 94, height + 4));

            assertThat(boxes).as("a placement is found").isNotNull();
            for (int k = 0; k < SerialGlyphs.COUNT; k++) {
                assertThat(boxes[k]).as("box %d", k).isNotNull();
                double centre = boxes[k].x() + boxes[k].width() / 2.0;
                assertThat(Math.abs(centre - centres[k]))
                        .as("box %d at %.1f, character at %.1f", k, centre, centres[k])
                        .isLessThan(2.0);
            }
        }
    }

    /**
     * A crop whose province glyph leaves no blob (drawn blank) and whose frame leaves a character-like mark at the
     * right edge: shifted one place right, the layout puts the province on the region letter and the last character
     * on the frame, matching one blob more than where the plate is. That placement sits more than a pitch right of
     * the crop's middle, so the centred one is taken. Fails with {@code -Danpr.offCentre=0}.
     */
    @Test
    void aPlacementOffTheCropsMiddleGivesWayToACentredOne() {
        double scale = 0.2; // px per mm
        int top = 6;
        int height = 10;
        double left = 0.4; // the plate's left edge in the crop: the province glyph's centre at 8 px
        try (Mat grey = new Mat(24, 94, CV_8UC1, new Scalar(215))) {
            double[] centres = new double[SerialGlyphs.COUNT];
            for (int k = 0; k < SerialGlyphs.COUNT; k++) {
                centres[k] = left + scale * SerialGlyphs.CENTRES[k];
                if (k > 0) {
                    rectangle(
                            grey, new Rect((int) Math.round(centres[k] - 4), top, 8, height), new Scalar(30), 2, 8, 0);
                }
            }
            // the frame's mark a pitch right of the last character, at the crop's right edge
            double frame = centres[SerialGlyphs.COUNT - 1] + scale * 57;
            rectangle(grey, new Rect((int) Math.round(frame - 4), top, 8, height), new Scalar(30), 2, 8, 0);

            Rect[] boxes = SerialGlyphs.boxes(grey, new Rect(0, top - 2, 94, height + 4));

            assertThat(boxes).as("a placement is found").isNotNull();
            for (int k = 1; k < SerialGlyphs.COUNT; k++) {
                assertThat(boxes[k]).as("box %d", k).isNotNull();
                double centre = boxes[k].x() + boxes[k].width() / 2.0;
                assertThat(Math.abs(centre - centres[k]))
                        .as("box %d at %.1f, character at %.1f", k, centre, centres[k])
                        .isLessThan(2.0);
            }
        }
    }
}
