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
 * reads of {@link CropReader}, which votes it twice ({@link CropVote#GLYPH_WEIGHT}). Moved out of {@code CropReader}
 * unchanged.
 */
final class ChineseGlyphRead {
    /** Whether an unfitted crop is fitted the other way; off only to measure it ({@code -Danpr.otherWay=false}). */
    static final boolean OTHER_WAY = Boolean.parseBoolean(System.getProperty("anpr.otherWay", "true"));

    private ChineseGlyphRead() {}

    /** Whether a crop read as {@code voted} is also read glyph by glyph ({@link #of}). */
    static boolean wanted(SerialClassifier serials, PlateRows rows, PlateColour colour, CropRead voted) {
        return serials != null
                && !rows.twoRows()
                // a standard Chinese plate is blue or yellow (green: teal-looking blue). White and black ones
                // are Vietnamese or cross-border (港澳, whose suffix the layout fit misplaces: 3 → 0 of 8 rendered
                // serials right when they were let in), and an unreadable white Vietnamese crop must not become a
                // made-up Chinese plate
                && colour != PlateColour.WHITE
                && colour != PlateColour.RED
                && (!voted.found() || voted.match().kind() == PlateKind.CN_STANDARD);
    }

    /**
     * {@link #of} on the crop turned the other way ({@link CropGrey#otherWay}), for a crop where the layout does not fit:
     * light text taken for dark leaves no character blobs. Tesseract's reads stay on the crop as it was (reading every
     * crop with few blobs the other way lost 12 vn-one-row plates for 2). Null when it does not fit either.
     */
    static CropRead otherWay(SerialClassifier serials, ProvinceClassifier provinces, Mat bgr, PlateColour colour) {
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
            PlateGrammarSymbol province = provinces.read(grey, rows.top());
            if (province == null && boxes[0] != null) {
                province = provinces.readAt(grey, boxes[0]);
            }
            return of(serials, grey, rows, colour, province);
        }
    }

    /**
     * The plate read glyph by glyph: the province classifier's symbol and the serial classifier's six, repaired by the
     * grammar like a Tesseract read. Null when the layout does not fit the crop or no plate fits the symbols.
     */
    static CropRead of(
            SerialClassifier serials, Mat grey, PlateRows rows, PlateColour colour, PlateGrammarSymbol province) {
        List<PlateGrammarSymbol> six = serials.read(grey, rows.top());
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
        return new CropRead(CropReader.cheapest(matches, colour), raw.toString(), colour, false);
    }
}
