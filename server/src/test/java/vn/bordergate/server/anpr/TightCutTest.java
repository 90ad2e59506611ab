package vn.bordergate.server.anpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.plate.PlateGrammar;

/**
 * Which finder regions get the tight second cut ({@link TightCuts#tightCutWanted}): a one-row-shaped region whose
 * loose cut showed no text at all, as a blue plate cut with a white car body does; not a region whose loose read
 * found a plate or some text, nor a square region (docs/anpr.md, "Frame path: cheaper tight cut").
 */
class TightCutTest {
    private static final PlateRegion ONE_ROW = region(180, 45);
    private static final PlateRegion SQUARE = region(60, 45);

    @Test
    void aOneRowRegionWhoseLooseCutShowsNoTextGetsTheTightCut() {
        CropRead nothing = quickReadOfBlankCrop();
        assertEquals("", nothing.raw(), "a crop without character blobs costs no OCR call and reads nothing");
        assertFalse(nothing.found());
        assertTrue(TightCuts.tightCutWanted(ONE_ROW, nothing));
        assertTrue(TightCuts.tightCutWanted(region(52, 12), nothing), "a small plate far away too");
    }

    @Test
    void aSquareRegionOrOneWithSomeTextDoesNot() {
        assertFalse(TightCuts.tightCutWanted(SQUARE, quickReadOfBlankCrop()));
        CropRead junk = new CropRead(null, "FN/KL", PlateColour.WHITE, true);
        assertFalse(TightCuts.tightCutWanted(ONE_ROW, junk));
    }

    @Test
    void aRegionReadAsAPlateDoesNot() {
        CropRead plate =
                new CropRead(PlateGrammar.repair("51C12345").orElseThrow(), "51C12345", PlateColour.WHITE, false);
        assertTrue(plate.found());
        assertFalse(TightCuts.tightCutWanted(ONE_ROW, plate));
    }

    private static PlateRegion region(double width, double height) {
        return new PlateRegion(400, 300, width, height, 0, PlateRegion.Source.LIGHT_TEXT, 0.8);
    }

    /** A real quick read of an even light crop: no character blobs, so no text. */
    private static CropRead quickReadOfBlankCrop() {
        try (TesseractEngines engines = new TesseractEngines(PlateReader.defaultModel());
                Mat blank = new Mat(48, 200, opencv_core.CV_8UC3, new Scalar(235, 235, 235, 0))) {
            return new CropReader(engines).read(blank, ReadEffort.QUICK);
        }
    }
}
