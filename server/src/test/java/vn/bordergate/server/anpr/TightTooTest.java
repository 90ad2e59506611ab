package vn.bordergate.server.anpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.plate.PlateGrammar;
import vn.bordergate.common.plate.PlateGrammarMatch;

/**
 * Which fully read regions are cut tight and read again ({@link TightCuts#tightTooWanted}): a one-row region whose
 * tight cut is blue, whatever the loose read said (cn-scenes 145: a blue plate cut with a white car read as the
 * military {@code DL5538}); a yellow or green one only when the loose read was Chinese, so a Vietnamese yellow truck
 * plate costs no second read; never a white cut or a square region (docs/anpr.md, "Scenes: both cuts").
 */
class TightTooTest {
    private static final PlateRegion ONE_ROW = new PlateRegion(400, 300, 150, 40, 0, PlateRegion.Source.COLOUR, 0.8);
    private static final PlateRegion SQUARE = new PlateRegion(400, 300, 60, 45, 0, PlateRegion.Source.COLOUR, 0.8);

    @Test
    void aBlueTightCutIsReadAgainWhateverTheLooseReadSaid() {
        PlateColour blue = colourOf(new Scalar(178, 62, 14, 0));
        assertEquals(PlateColour.BLUE, blue);
        assertTrue(TightCuts.tightTooWanted(ONE_ROW, blue, candidate("DL5538")));
        assertTrue(TightCuts.tightTooWanted(ONE_ROW, blue, candidate("粤BP3105")));
    }

    @Test
    void aYellowTightCutOnlyWhenTheLooseReadWasChinese() {
        PlateColour yellow = colourOf(new Scalar(18, 196, 246, 0));
        assertEquals(PlateColour.YELLOW, yellow);
        assertTrue(TightCuts.tightTooWanted(ONE_ROW, yellow, candidate("皖A12345")));
        assertFalse(TightCuts.tightTooWanted(ONE_ROW, yellow, candidate("51C12345")));
    }

    @Test
    void aWhiteCutOrASquareRegionIsNotReadAgain() {
        PlateColour white = colourOf(new Scalar(235, 235, 235, 0));
        assertEquals(PlateColour.WHITE, white);
        assertFalse(TightCuts.tightTooWanted(ONE_ROW, white, candidate("皖A12345")));
        assertFalse(TightCuts.tightTooWanted(SQUARE, PlateColour.BLUE, candidate("皖A12345")));
    }

    /** A one-row read of {@code text} placed as a lane camera sees a plate (shared with {@link MilitaryTightCutTest}). */
    static PlateCandidate candidate(String text) {
        PlateGrammarMatch match = PlateGrammar.repair(text).orElseThrow();
        return new PlateCandidate(
                match.text(),
                match.confidence(),
                new PlateBox(325, 280, 150, 40),
                PlateColour.WHITE,
                false,
                text,
                match);
    }

    /** The real colour of an even crop of {@code bgr}. */
    static PlateColour colourOf(Scalar bgr) {
        try (Mat crop = new Mat(40, 150, opencv_core.CV_8UC3, bgr)) {
            return PlateColour.of(crop);
        }
    }
}
