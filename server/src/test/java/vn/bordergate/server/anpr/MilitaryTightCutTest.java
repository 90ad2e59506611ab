package vn.bordergate.server.anpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.plate.PlateKind;

/**
 * A region read as a Vietnamese military plate on a cut that is not red gets the tight cut read too
 * ({@link TightCuts#militaryOffRed}): military plates are red, and a Chinese plate whose province glyph Tesseract
 * dropped reads as two letters and four digits (cn-scenes 138 {@code EZ1618} for 皖EZM618; docs/anpr.md, "Scenes:
 * the 75 wrong photos by cause, a military read on a plate that is not red").
 */
class MilitaryTightCutTest {
    private static final PlateRegion ONE_ROW = new PlateRegion(400, 300, 150, 40, 0, PlateRegion.Source.COLOUR, 0.8);
    private static final PlateRegion SQUARE = new PlateRegion(400, 300, 60, 45, 0, PlateRegion.Source.COLOUR, 0.8);

    @Test
    void aMilitaryReadOnAWhiteCutIsCutTightAndReadAgain() {
        PlateColour white = TightTooTest.colourOf(new Scalar(235, 235, 235, 0));
        assertEquals(PlateColour.WHITE, white);
        PlateCandidate military = TightTooTest.candidate("AS0819");
        assertEquals(PlateKind.VN_MILITARY, military.match().kind());
        assertTrue(TightCuts.tightTooWanted(ONE_ROW, white, military));
    }

    @Test
    void aMilitaryReadOnARedCutIsBelieved() {
        PlateColour red = TightTooTest.colourOf(new Scalar(30, 30, 200, 0));
        assertEquals(PlateColour.RED, red);
        assertFalse(TightCuts.tightTooWanted(ONE_ROW, red, TightTooTest.candidate("KA1234")));
    }

    @Test
    void anotherVietnameseReadOnAWhiteCutOrASquareRegionIsNotReadAgain() {
        PlateColour white = TightTooTest.colourOf(new Scalar(235, 235, 235, 0));
        assertFalse(TightCuts.tightTooWanted(ONE_ROW, white, TightTooTest.candidate("51C12345")));
        assertFalse(TightCuts.tightTooWanted(SQUARE, white, TightTooTest.candidate("AS0819")));
    }

    @Test
    void aChinesePlateReadAsMilitaryOnItsLooseCutGetsItsProvince() {
        assertEquals(
                "皖EZM618", TestImages.bestRead("cn-scenes", "easypr_138.jpg").text());
    }
}
