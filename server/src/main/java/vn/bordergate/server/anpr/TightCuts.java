package vn.bordergate.server.anpr;

import vn.bordergate.common.plate.PlateCountry;
import vn.bordergate.common.plate.PlateKind;

/**
 * When {@link PlateReader} cuts a finder region tight and reads it again: after a loose cut that read nothing, and
 * beside a loose cut read as a plate whose tight cut's colour says the loose read may be wrong. Each second cut costs
 * OCR calls on every frame whose regions qualify, so each rule is as narrow as the scene photos it wins.
 */
final class TightCuts {
    /** Whether an empty region gets a tight second cut; off only to measure its cost ({@code -Danpr.tightCut=false}). */
    static final boolean TIGHT_CUT = Boolean.parseBoolean(System.getProperty("anpr.tightCut", "true"));
    /** Whether a plate-coloured region's tight cut is read too; off only to measure it ({@code -Danpr.tightToo=false}). */
    static final boolean TIGHT_TOO = Boolean.parseBoolean(System.getProperty("anpr.tightToo", "true"));

    /**
     * Whether a finder region gets the tight second cut after its loose quick read: only when that read saw no text
     * at all (too few character blobs for an OCR call, or Tesseract read nothing) in a region of one-row shape. A plate
     * whose loose cut takes in a white car body shows no characters (Otsu splits plate from body); the cn-scenes photos
     * the tight cut wins are all such regions (w/h 3.3–4.5), while the tight cuts of regions with some text or of
     * square regions only cost OCR calls on the lane scenes' lights, grilles and rain (docs/anpr.md, "Frame path").
     */
    static boolean tightCutWanted(PlateRegion region, CropRead loose) {
        return TIGHT_CUT && !loose.found() && loose.raw().isEmpty() && oneRowShaped(region);
    }

    /**
     * Whether a one-row region read as {@code loose} on its loose cut is cut tight and read again, given the tight
     * cut's colour (see {@code PlateReader.readTightToo}).
     */
    static boolean tightTooWanted(PlateRegion region, PlateColour tightColour, PlateCandidate loose) {
        boolean chinese = loose.country() == PlateCountry.CN;
        boolean yellowOrGreen = tightColour == PlateColour.YELLOW || tightColour == PlateColour.GREEN;
        return TIGHT_TOO
                && oneRowShaped(region)
                && (tightColour == PlateColour.BLUE || yellowOrGreen && chinese || militaryOffRed(loose, tightColour));
    }

    /**
     * A Vietnamese military plate is red: read as one in a region whose tight cut is not red, it is more likely a
     * Chinese plate whose province glyph Tesseract dropped (the six Latin characters read as two letters and four
     * digits, {@code AS0819} for 浙A50819), so the tight cut gets its own read.
     */
    static boolean militaryOffRed(PlateCandidate loose, PlateColour tightColour) {
        return loose.match() != null && loose.match().kind() == PlateKind.VN_MILITARY && tightColour != PlateColour.RED;
    }

    static boolean oneRowShaped(PlateRegion region) {
        return region.width() >= PlateRegion.TIGHT_CUT_SHAPE * region.height();
    }

    private TightCuts() {}
}
