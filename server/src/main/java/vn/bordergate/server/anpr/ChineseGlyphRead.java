package vn.bordergate.server.anpr;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import vn.bordergate.common.plate.PlateGrammar;
import vn.bordergate.common.plate.PlateGrammarMatch;
import vn.bordergate.common.plate.PlateGrammarSymbol;
import vn.bordergate.common.plate.PlateKind;

/**
 * A one-row Chinese plate read glyph by glyph ({@link SerialGlyphs}, {@link SerialClassifier}) beside the Tesseract
 * reads of {@link CropReader}, which votes it three times ({@link CropVote#GLYPH_WEIGHT}).
 */
final class ChineseGlyphRead {
    /** Whether an unfitted crop is fitted the other way; off only to measure it ({@code -Danpr.otherWay=false}). */
    static final boolean OTHER_WAY = Boolean.parseBoolean(System.getProperty("anpr.otherWay", "true"));

    /** Whether a crop that fits neither way is fitted {@link #stripped}; off only to measure ({@code -Danpr.frameCut=false}). */
    static final boolean STRIPPED = Boolean.parseBoolean(System.getProperty("anpr.frameCut", "true"));

    /** Whether {@link #surer} weighs the layout's box; off only to measure it ({@code -Danpr.surerProvince=false}). */
    static final boolean SURER = Boolean.parseBoolean(System.getProperty("anpr.surerProvince", "true"));

    /** Whether {@link #withItsProvince} applies; off only to measure it ({@code -Danpr.glyphProvince=false}). */
    static final boolean PROVINCE_FROM_GLYPHS = Boolean.parseBoolean(System.getProperty("anpr.glyphProvince", "true"));

    private ChineseGlyphRead() {}

    /**
     * Whether a white crop whose reads already voted a standard Chinese plate is read glyph by glyph too; off only to
     * measure it ({@code -Danpr.whiteChinese=false}).
     */
    static final boolean WHITE_CHINESE = Boolean.parseBoolean(System.getProperty("anpr.whiteChinese", "true"));

    /** Whether a crop read as {@code voted} is also read glyph by glyph ({@link #read}). */
    static boolean wanted(SerialClassifier serials, PlateRows rows, PlateColour colour, CropRead voted) {
        boolean chinese = voted.found() && voted.match().kind() == PlateKind.CN_STANDARD;
        return oneRowGlyphs(serials, rows, colour)
                // a standard Chinese plate is blue or yellow (green: teal-looking blue). White and black ones
                // are Vietnamese or cross-border (港澳, whose suffix the layout fit misplaces: 3 → 0 of 8 rendered
                // serials right when they were let in), and an unreadable white Vietnamese crop must not become a
                // made-up Chinese plate. A white crop the reads already made a Chinese plate is a blue plate whose
                // colour was lost (glare, a loose cut): the glyph read can only change which Chinese plate it is
                && (colour != PlateColour.WHITE || (WHITE_CHINESE && chinese))
                && (!voted.found() || chinese);
    }

    /** Whether a crop can be read glyph by glyph at all: classifiers loaded, one row, not a red (military) plate. */
    static boolean oneRowGlyphs(SerialClassifier serials, PlateRows rows, PlateColour colour) {
        return serials != null && !rows.twoRows() && colour != PlateColour.RED;
    }

    /**
     * The glyph read of a crop ({@link #at} the layout's boxes); where the layout does not fit, the crop turned the
     * other way ({@link #otherWay}), then the blobs with the frame cut away ({@link #stripped}). Null when none of them
     * gives a plate.
     */
    static CropRead read(
            SerialClassifier serials,
            ProvinceClassifier provinces,
            Mat bgr,
            Mat grey,
            PlateRows rows,
            PlateColour colour,
            PlateGrammarSymbol province) {
        Placed placed = placed(serials, provinces, bgr, grey, rows, colour, province);
        return placed == null ? null : placed.read();
    }

    /**
     * A glyph read and whether the layout fitted the crop as it is ({@code fitted}); a read placed only by a fallback
     * fit (the other way, the frame cut away) is the more often wrong and weighs less in the vote ({@link
     * CropVote#FALLBACK_WEIGHT}).
     */
    record Placed(CropRead read, boolean fitted) {
        /** How many Tesseract votes this read weighs. */
        int weight() {
            return fitted || !LIGHTER_FALLBACK ? CropVote.GLYPH_WEIGHT : CropVote.FALLBACK_WEIGHT;
        }
    }

    /** Whether a fallback fit's read weighs less; off only to measure it ({@code -Danpr.lighterFallback=false}). */
    static final boolean LIGHTER_FALLBACK = Boolean.parseBoolean(System.getProperty("anpr.lighterFallback", "true"));

    /** {@link #read}, and whether the layout fitted the crop as it is; null when no fit gives a plate. */
    static Placed placed(
            SerialClassifier serials,
            ProvinceClassifier provinces,
            Mat bgr,
            Mat grey,
            PlateRows rows,
            PlateColour colour,
            PlateGrammarSymbol province) {
        Rect[] boxes = SerialGlyphs.boxes(grey, rows.top());
        if (boxes != null) {
            CropRead glyphs = at(serials, provinces, grey, boxes, colour, province);
            return glyphs == null ? null : new Placed(glyphs, true);
        }
        if (provinces == null) {
            return null;
        }
        CropRead glyphs = otherWay(serials, provinces, bgr, colour, province);
        if (glyphs == null && STRIPPED) {
            glyphs = stripped(serials, provinces, grey, rows, colour, province);
        }
        return glyphs == null ? null : new Placed(glyphs, false);
    }

    /**
     * {@link #at} the boxes of the crop turned the other way ({@link CropGrey#otherWay}), for a crop where the layout
     * does not fit: light text taken for dark leaves no character blobs. Tesseract's reads stay on the crop as it was
     * (reading every crop with few blobs the other way lost 12 vn-one-row plates for 2). Null when it does not fit
     * either.
     *
     * <p>The province is the surer of the one read on the crop turned and {@code province}, read on the crop as it is (null:
     * none): turned, a crop is often washed out, and its unsure 晋 0.20 took the place of the crop's 皖 0.96 (cn-crops
     * 0830; 3 crops, docs/anpr.md "prov"), while a crop read the right way round shows the glyph the crop as it is
     * hid (0637: 澳 0.18 → 皖 0.95).
     */
    static CropRead otherWay(
            SerialClassifier serials,
            ProvinceClassifier provinces,
            Mat bgr,
            PlateColour colour,
            PlateGrammarSymbol province) {
        if (!OTHER_WAY) {
            return null;
        }
        try (Mat grey = CropGrey.otherWay(bgr)) {
            PlateRows rows = PlateRows.of(grey);
            if (rows.twoRows()) {
                return null;
            }
            Rect[] boxes = SerialGlyphs.boxes(grey, rows.top());
            if (boxes == null) {
                return null;
            }
            PlateGrammarSymbol turned = provinces.read(grey, rows.top());
            boolean asItIs = SURER_TURNED
                    && province != null
                    && (turned == null || province.bestProbability() > turned.bestProbability());
            return at(serials, provinces, grey, boxes, colour, asItIs ? province : turned);
        }
    }

    /** Whether {@link #otherWay} weighs the crop's own province; off only to measure ({@code -Danpr.surerTurned=false}). */
    static final boolean SURER_TURNED = Boolean.parseBoolean(System.getProperty("anpr.surerTurned", "true"));

    /**
     * The plate read glyph by glyph at the layout's boxes: the province classifier's symbol (read where it is surer,
     * {@link #surer}) and the serial classifier's six, repaired by the grammar like a Tesseract read. Null when a box
     * is off the crop or no plate fits the symbols.
     */
    private static CropRead at(
            SerialClassifier serials,
            ProvinceClassifier provinces,
            Mat grey,
            Rect[] boxes,
            PlateColour colour,
            PlateGrammarSymbol province) {
        // slanted characters are read upright (GlyphShear); the boxes' centres stay where the fit put them
        try (Mat upright = GlyphShear.upright(grey, boxes)) {
            List<PlateGrammarSymbol> six = serials.read(upright == null ? grey : upright, boxes);
            return six == null ? null : of(six, colour, surer(provinces, grey, boxes[0], province));
        }
    }

    /**
     * The province read at {@link ProvinceGlyph#box} ({@code province}, null when it found none) or at the layout's first
     * box, whichever the classifier is surer of. {@code ProvinceGlyph} places the glyph a pitch left of the leftmost
     * blob, so a frame bit or a lost region letter moves it a place; the layout fit places it from all six Latin
     * characters. Either box alone is wrong on some crops, and the classifier is seldom sure of a box off the glyph
     * (held-out cn-crops, the glyph read's plates right 118 → 128 of 247).
     */
    static PlateGrammarSymbol surer(ProvinceClassifier provinces, Mat grey, Rect box, PlateGrammarSymbol province) {
        if (provinces == null || box == null || !SURER) {
            return province;
        }
        PlateGrammarSymbol fitted = provinces.readAt(grey, box);
        return province == null || fitted.bestProbability() > province.bestProbability() ? fitted : province;
    }

    /**
     * {@link #at} the boxes of the layout fitted to the blobs left once the frame's long runs are cut from the local
     * threshold ({@link SerialGlyphs#strippedBoxes}), for a crop that does not fit either way: a tilted plate's
     * characters touch its frame and the dark car around it. Null when that does not fit either.
     */
    static CropRead stripped(
            SerialClassifier serials,
            ProvinceClassifier provinces,
            Mat grey,
            PlateRows rows,
            PlateColour colour,
            PlateGrammarSymbol province) {
        Rect[] boxes = SerialGlyphs.strippedBoxes(grey, rows.top());
        if (boxes == null) {
            return null;
        }
        return at(serials, provinces, grey, boxes, colour, province);
    }

    /**
     * The glyph read {@code glyphs} where the vote's winner {@code voted} is the same plate but for the province: the
     * glyph read's province is {@link #surer} (the better of two boxes), the Tesseract reads' only the one at {@link
     * ProvinceGlyph#box}, and four of them outvote it together (held-out cn-crops: 4 crops with the glyph read right
     * and the vote wrong only at the province, none the other way).
     */
    static CropRead withItsProvince(CropRead voted, CropRead glyphs) {
        if (!PROVINCE_FROM_GLYPHS || voted == glyphs || !voted.found() || !glyphs.found()) {
            return voted;
        }
        String mine = glyphs.text();
        String theirs = voted.text();
        boolean onlyProvince = voted.match().kind() == PlateKind.CN_STANDARD
                && glyphs.match().kind() == PlateKind.CN_STANDARD
                && mine.length() == theirs.length()
                && !mine.isEmpty()
                && mine.charAt(0) != theirs.charAt(0)
                && mine.charAt(0) != '?'
                && mine.substring(1).equals(theirs.substring(1));
        return onlyProvince ? glyphs : voted;
    }

    /** The plate of a province symbol (null: none) and six Latin symbols, repaired by the grammar; null when none fits. */
    static CropRead of(List<PlateGrammarSymbol> six, PlateColour colour, PlateGrammarSymbol province) {
        if (six == null) {
            return null;
        }
        List<PlateGrammarSymbol> line = new ArrayList<>();
        if (province != null) {
            line.add(province);
        }
        line.addAll(six);
        // the layout fit is the standard plate's: a suffix (挂学港澳) or an eighth character would be misplaced
        if (!colour.kinds().contains(PlateKind.CN_STANDARD)) {
            return null;
        }
        List<PlateGrammarMatch> matches =
                PlateGrammar.candidatesOfKinds(List.of(line), java.util.EnumSet.of(PlateKind.CN_STANDARD));
        if (matches.isEmpty()) {
            return null;
        }
        StringBuilder raw = new StringBuilder();
        line.forEach(symbol -> raw.append(symbol.best()));
        // the symbols go with it: ProvinceAsDigits weighs how sure each glyph is
        return new CropRead(CropGrammar.cheapest(matches, colour), raw.toString(), colour, false, line);
    }
}
