package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/**
 * A plate row with a shadow over its left half (vn-one-row crops with no read): the row's one threshold splits the
 * shaded half from the lit one, so the shaded characters are lost in a dark mass; flattened against its background
 * ({@link CropGrey#flattened}, the read {@link CropReader} makes when no read found a plate), every character is a blob
 * of its own again.
 */
class FlatReadTest {
    /** Eight ring-shaped characters, 12 × 30 px, on a 240 × 44 plate; the left half lies in a shadow. */
    @Test
    void aShadowOverHalfThePlateNoLongerSwallowsItsCharacters() {
        try (Mat grey = shadedPlate()) {
            // the plain threshold: the shaded half is one dark mass, so only the lit half's characters stand apart
            assertThat(PlateRows.characterBlobs(grey)).hasSizeLessThan(8);

            try (Mat flat = CropGrey.flattened(grey, 44)) {
                List<Rect> blobs = PlateRows.characterBlobs(flat);

                assertThat(blobs).hasSize(8);
                assertThat(blobs).allSatisfy(b -> assertThat(b.height()).isBetween(28, 32));
            }
        }
    }

    @Test
    void anEvenlyLitPlateKeepsItsCharacters() {
        try (Mat grey = plate(false);
                Mat flat = CropGrey.flattened(grey, 44)) {
            assertThat(PlateRows.characterBlobs(grey)).hasSize(8);
            assertThat(PlateRows.characterBlobs(flat)).hasSize(8);
        }
    }

    private static Mat shadedPlate() {
        return plate(true);
    }

    /** Light plate (200), dark strokes (lit 40; in the shadow the plate is 70 and the strokes 15). */
    private static Mat plate(boolean shadow) {
        Mat grey = new Mat(44, 240, CV_8U, new Scalar(200));
        if (shadow) {
            fill(grey, new Rect(0, 0, 120, 44), 70);
        }
        for (int k = 0; k < 8; k++) {
            int x = 8 + 29 * k;
            fill(grey, new Rect(x, 7, 12, 30), shadow && x < 120 ? 15 : 40);
            // a ring, not a bar: a character's ink fills only part of its box
            fill(grey, new Rect(x + 3, 11, 6, 22), shadow && x < 120 ? 70 : 200);
        }
        return grey;
    }

    private static void fill(Mat grey, Rect r, int value) {
        try (Mat part = new Mat(grey, r)) {
            part.put(new Scalar(value));
        }
    }
}
