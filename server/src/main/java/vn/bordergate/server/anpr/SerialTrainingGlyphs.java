package vn.bordergate.server.anpr;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import vn.bordergate.common.plate.PlateGrammarSymbol;

/**
 * The six Latin glyphs of a training crop for {@link SerialClassifierTrainer}, cut where the reader cuts them, also on
 * crops the layout fits only turned the other way or with the frame cut away ({@link ChineseGlyphRead#read}'s chain):
 * those crops were left out of training although the reader reads them (the first fit misses 43 of the 253
 * even-numbered cn-crops; the later fits place 26 of them), so the networks never saw their inverted, frame-touching
 * glyphs.
 */
final class SerialTrainingGlyphs {
    /**
     * A crop's glyphs are trained on only when the committed networks' first choice agrees with the label in at least
     * this many of the six places: a placement one place off (6 of the even crops) would teach every glyph a
     * neighbour's label. 0 keeps every placed crop.
     */
    static final int AGREE = Integer.getInteger("serial.agree", 3);

    /** Whether the other-way and frame-cut placements are used too ({@code -Dserial.allFits=false}: the first fit only). */
    static final boolean ALL_FITS = Boolean.parseBoolean(System.getProperty("serial.allFits", "true"));

    /** Whether slanted crops' glyphs are cut upright as the reader reads them ({@code -Dserial.upright=false}: as before). */
    static final boolean UPRIGHT = Boolean.parseBoolean(System.getProperty("serial.upright", "true"));

    private SerialTrainingGlyphs() {}

    /**
     * The six glyphs of a BGR crop labelled {@code plate} (seven characters), each null where its place is off the crop;
     * null when no fit places them or the placement disagrees with the label ({@link #AGREE}). With the agreement check
     * on, a crop with any place off the crop is left out whole: the networks read no plate there, so nothing agrees.
     */
    static List<Mat> of(Mat bgr, String plate, SerialClassifier committed) {
        try (Mat straight = CropGrey.straight(bgr)) {
            PlateRows rows = PlateRows.of(straight);
            Rect[] boxes = SerialGlyphs.boxes(straight, rows.top());
            if (boxes != null || !ALL_FITS) {
                return agreeing(straight, boxes, plate, committed);
            }
            try (Mat turned = CropGrey.otherWay(bgr)) {
                PlateRows turnedRows = PlateRows.of(turned);
                Rect[] turnedBoxes = turnedRows.twoRows() ? null : SerialGlyphs.boxes(turned, turnedRows.top());
                if (turnedBoxes != null) {
                    return agreeing(turned, turnedBoxes, plate, committed);
                }
            }
            return agreeing(straight, SerialGlyphs.strippedBoxes(straight, rows.top()), plate, committed);
        }
    }

    private static List<Mat> agreeing(Mat straight, Rect[] boxes, String plate, SerialClassifier committed) {
        if (boxes == null) {
            return null;
        }
        // cut where the reader cuts: from the crop made upright when its characters slant (GlyphShear)
        try (Mat upright = UPRIGHT ? GlyphShear.upright(straight, boxes) : null) {
            return cut(upright == null ? straight : upright, boxes, plate, committed);
        }
    }

    private static List<Mat> cut(Mat grey, Rect[] boxes, String plate, SerialClassifier committed) {
        if (AGREE > 0) {
            List<PlateGrammarSymbol> read = committed.read(grey, boxes);
            int agree = 0;
            for (int k = 0; read != null && k < read.size(); k++) {
                agree += read.get(k).best() == plate.charAt(k + 1) ? 1 : 0;
            }
            if (agree < AGREE) {
                return null;
            }
        }
        List<Mat> out = new ArrayList<>();
        for (int k = 1; k < SerialGlyphs.COUNT; k++) {
            out.add(boxes[k] == null ? null : new Mat(grey, boxes[k]).clone());
        }
        return out;
    }
}
