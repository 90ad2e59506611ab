package vn.bordergate.server.anpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/**
 * A frame in which no region gave a plate gives its blank plate-coloured one-row regions the glyph read ({@link
 * UnreadRegions}): cn-scenes 075 has a clean blue plate whose plain Tesseract read is empty, so its region was never
 * read in full and the photo gave nothing; the glyph classifiers read it right.
 */
class BlankQuickReadTest {
    @Test
    void aCleanBluePlateWhosePlainReadIsBlankIsReadByItsGlyphs() {
        Optional<Path> set = TestImages.realSet("cn-scenes");
        assumeTrue(set.isPresent(), "../shared/plates/cn-scenes is not on this machine");
        Mat image =
                ImageDecoder.read(set.get().resolve("images/easypr_075.jpg")).orElseThrow();
        try (PlateReader reader = new PlateReader()) {
            assertEquals("浙AM690M", reader.readBest(image).orElseThrow().text());
        } finally {
            image.close();
        }
    }

    @Test
    void onlyPlateColouredCutsAreReadAgain() {
        assertTrue(UnreadRegions.plateColoured(colourOf(new Scalar(178, 62, 14, 0))));
        assertTrue(UnreadRegions.plateColoured(colourOf(new Scalar(18, 196, 246, 0))));
        assertFalse(UnreadRegions.plateColoured(colourOf(new Scalar(235, 235, 235, 0))));
    }

    /** The real colour of an even crop of {@code bgr}. */
    private static PlateColour colourOf(Scalar bgr) {
        try (Mat crop = new Mat(40, 150, opencv_core.CV_8UC3, bgr)) {
            return PlateColour.of(crop);
        }
    }
}
