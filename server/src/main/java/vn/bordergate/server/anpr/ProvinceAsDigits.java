package vn.bordergate.server.anpr;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import vn.bordergate.common.plate.PlateGrammar;
import vn.bordergate.common.plate.PlateGrammarMatch;
import vn.bordergate.common.plate.PlateGrammarSymbol;
import vn.bordergate.common.plate.PlateKind;

/**
 * A one-row Chinese plate whose province glyph Tesseract read as two digits ({@code 粤OA2160} as
 * {@code 80A2160}, {@code 浙A68952} as {@code 44G8952}): the vote is then an old seven-character Vietnamese plate, and
 * the glyph read ({@link ChineseGlyphRead}) was never asked. The glyph read is taken instead when it gives a standard
 * Chinese plate whose last four characters are the vote's: the serial both read the same, and only the province
 * glyph and the region letter, where Tesseract has no Han glyph, differ (docs/anpr.md, "Chinese plates read as Vietnamese").
 * Two digits that are no province's code (44, 87, …: {@code PlateParser.registeredProvince}) no longer make a
 * Vietnamese plate at all, so such a crop is read Chinese without this check.
 */
final class ProvinceAsDigits {
    /** Off only to measure it ({@code -Danpr.provinceAsDigits=false}). */
    static final boolean ON = Boolean.parseBoolean(System.getProperty("anpr.provinceAsDigits", "true"));

    /** The characters after the province glyph and the region letter. */
    private static final int SERIAL = 5;

    /**
     * The last characters that must agree: the Vietnamese read's third place is its series letter, where a Chinese
     * serial often has a digit ({@code 湘A97971} read {@code 44B7971}).
     */
    private static final int AGREED = 4;

    /**
     * How sure the grammar must be of the glyph read. On Vietnamese plates the glyph read's Chinese plates came out at
     * 0.47–0.54 (the province classifier unsure of a digit: 苏 0.40 beside 桂 0.39), on the Chinese plates read as
     * Vietnamese at 0.60–0.79 (vn-one-row, cn-crops, cn-scenes; docs/anpr.md).
     */
    static final double MIN_CONFIDENCE = 0.55;

    /**
     * A glyph the serial networks are less sure of than this says nothing against the vote's character at its place,
     * which is put there instead (one place at most): cn-scenes' {@code 粤VS1866}, the {@code 1} beside the frame read
     * {@code H} 0.08 beside {@code W} 0.08 by the networks retrained on upright glyphs (docs/anpr.md, branch cnheld).
     */
    static final double UNSURE = 0.2;

    private final SerialClassifier serials;
    private final ProvinceClassifier provinces;

    ProvinceAsDigits(SerialClassifier serials, ProvinceClassifier provinces) {
        this.serials = serials;
        this.provinces = provinces;
    }

    /** {@code read}, or the crop's glyph read where {@code read} is a Chinese plate read as Vietnamese. */
    CropRead checked(
            CropRead read,
            Mat bgr,
            Mat grey,
            PlateRows rows,
            PlateColour colour,
            CropProvince province,
            ReadEffort effort) {
        if (effort == ReadEffort.QUICK || !suspected(serials, rows, colour, read, bgr)) {
            return read;
        }
        return chosen(read, ChineseGlyphRead.read(serials, provinces, bgr, grey, rows, colour, province.get()));
    }

    /**
     * Whether a crop read as {@code voted} may be a Chinese plate read as Vietnamese (then read glyph by glyph): a
     * seven-character Vietnamese plate on a blue or yellow one-row crop (a green one never reads as a
     * Vietnamese vehicle: {@link PlateColour#GREEN} has no Vietnamese kind), or on a white one whose text is light
     * on a dark plate (a blue plate cut loosely in a scene comes out white; a white Vietnamese plate has dark text:
     * {@code 50Z1630} read {@code 贵TZ1630} when that was not asked, vn-mixed-silver).
     */
    static boolean suspected(SerialClassifier serials, PlateRows rows, PlateColour colour, CropRead voted, Mat bgr) {
        return ON
                && ChineseGlyphRead.oneRowGlyphs(serials, rows, colour)
                && voted.found()
                && voted.match().kind() == PlateKind.VN_VEHICLE
                && voted.text().length() == 2 + SERIAL
                && (colour != PlateColour.WHITE || CropGrey.lightText(bgr));
    }

    /** {@code glyphs} when it is a standard Chinese plate ending as the vote does, else {@code voted}. */
    static CropRead chosen(CropRead voted, CropRead glyphs) {
        if (glyphs == null
                || !glyphs.found()
                || glyphs.match().kind() != PlateKind.CN_STANDARD
                || glyphs.confidence() < MIN_CONFIDENCE) {
            return voted;
        }
        String mine = glyphs.text();
        String theirs = voted.text();
        if (mine.length() != theirs.length() || mine.charAt(0) == '?') {
            return voted;
        }
        String end = theirs.substring(theirs.length() - AGREED);
        return mine.endsWith(end) ? glyphs : filledIn(glyphs, voted, end);
    }

    /**
     * The glyph read with its one {@link #UNSURE} place among the last {@link #AGREED} given the vote's character, when
     * it then ends as the vote does ({@code end}); else {@code voted}.
     */
    /**
     * How sure a character taken from the vote is: the vote's own probability for it where its symbols line up, else
     * no surer than the glyph it replaces was allowed to be. Not certain, since the read's confidence feeds later
     * choices between reads.
     */
    private static double sureness(CropRead voted, int at, char taken) {
        List<PlateGrammarSymbol> symbols = voted.symbols();
        double own = symbols.size() == voted.text().length() ? symbols.get(at).probabilityOf(taken) : -1;
        return own > 0 ? own : UNSURE;
    }

    private static CropRead filledIn(CropRead glyphs, CropRead voted, String end) {
        String mine = glyphs.text();
        List<PlateGrammarSymbol> line = glyphs.symbols();
        if (line.size() != mine.length()) {
            return voted;
        }
        List<PlateGrammarSymbol> filled = new ArrayList<>(line);
        int unsure = 0;
        for (int k = mine.length() - AGREED; k < mine.length(); k++) {
            char theirs = voted.text().charAt(k);
            if (mine.charAt(k) != theirs) {
                if (line.get(k).bestProbability() >= UNSURE || ++unsure > 1) {
                    return voted;
                }
                filled.set(k, PlateGrammarSymbol.of(theirs, sureness(voted, k, theirs)));
            }
        }
        List<PlateGrammarMatch> matches =
                PlateGrammar.candidatesOfKinds(List.of(filled), EnumSet.of(PlateKind.CN_STANDARD));
        if (matches.isEmpty()) {
            return voted;
        }
        PlateGrammarMatch best = CropGrammar.cheapest(matches, glyphs.colour());
        return best.text().endsWith(end) ? new CropRead(best, glyphs.raw(), glyphs.colour(), false, filled) : voted;
    }
}
