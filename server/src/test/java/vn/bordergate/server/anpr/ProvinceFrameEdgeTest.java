package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The province box of a crop whose left edge cuts the plate's frame ({@link ProvinceGlyph#dropFrameEdge}): the frame's
 * sliver is not taken for the leftmost character, so the box lands a pitch left of the region letter, on the province
 * glyph, not at the crop's edge (cn-scenes 079, 166: the tight cut starts on the frame; docs/anpr.md, "Scenes: the
 * province box off the frame edge").
 */
class ProvinceFrameEdgeTest {
    /** A character-like outline (the blob finder wants ink that does not fill its box). */
    private static void character(Mat grey, int x, int width) {
        rectangle(grey, new Rect(x, 5, width, 20), Scalar.all(0), 2, 8, 0);
    }

    private static Mat plateWithFrameSliver(int sliverWidth) {
        Mat grey = new Mat(30, 100, opencv_core.CV_8UC1, Scalar.all(230));
        rectangle(grey, new Rect(0, 5, sliverWidth, 20), Scalar.all(0), 1, 8, 0);
        for (int i = 0; i < 6; i++) {
            character(grey, 20 + 12 * i, 9);
        }
        return grey;
    }

    @Test
    void aSliverOfFrameAtTheLeftEdgeIsNotTheFirstCharacter() {
        try (Mat grey = plateWithFrameSliver(3)) {
            Rect box = ProvinceGlyph.box(grey, new Rect(0, 0, grey.cols(), grey.rows()));
            assertNotNull(box);
            double centre = box.x() + box.width() / 2.0;
            // the region letter's centre is 24.5 and the pitch 12: the province sits about 12 px in, not at 0
            assertTrue(centre > 9 && centre < 15, "province box centre " + centre);
        }
    }

    @Test
    void aGlyphWideBlobAtTheEdgeIsKeptAsTheProvince() {
        try (Mat grey = plateWithFrameSliver(3)) {
            character(grey, 0, 9); // the province glyph itself starts at the crop's edge, as wide as a character
            Rect box = ProvinceGlyph.box(grey, new Rect(0, 0, grey.cols(), grey.rows()));
            assertNotNull(box);
            assertEquals(0, box.x());
        }
    }

    @ParameterizedTest
    @CsvSource({"images/easypr_079.jpg, 浙F397C0", "images/easypr_166.jpg, 粤AAF230"})
    void aScenePlateCutOnItsFrameKeepsItsProvince(String file, String plate) {
        Optional<Path> set = TestImages.realSet("cn-scenes");
        assumeTrue(set.isPresent(), "../shared/plates/cn-scenes is not on this machine");
        Mat image = ImageDecoder.read(set.get().resolve(file)).orElseThrow();
        try (PlateReader reader = new PlateReader()) {
            assertEquals(plate, reader.readBest(image).orElseThrow().text());
        } finally {
            image.close();
        }
    }
}
