package vn.bordergate.server.anpr;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import vn.bordergate.common.plate.PlateGrammarSymbol;

/**
 * The province glyph of one one-row crop as a grammar symbol, classified the first time a read asks for it and then
 * kept for the crop's other reads. Only a read whose plate is Chinese (or none) asks, so a crop read as Vietnamese
 * (most of a Vietnamese lane's frames) never pays the classifier's five cuts of HOG and network (docs/anpr.md, "Frame
 * time"). Not thread-safe: one per crop read. Valid only while the crop's grey image is open.
 */
final class CropProvince {
    private final ProvinceClassifier provinces;
    private final SerialClassifier serials;
    private final Mat grey;
    private final PlateRows rows;
    private boolean read;
    private PlateGrammarSymbol symbol;

    CropProvince(ProvinceClassifier provinces, SerialClassifier serials, Mat grey, PlateRows rows) {
        this.provinces = provinces;
        this.serials = serials;
        this.grey = grey;
        this.rows = rows;
    }

    /** The province symbol, or null when the crop has two rows, no classifier is loaded or no glyph is seen. */
    PlateGrammarSymbol get() {
        if (!read) {
            read = true;
            symbol = classify();
        }
        return symbol;
    }

    private PlateGrammarSymbol classify() {
        if (provinces == null || rows.twoRows()) {
            return null;
        }
        PlateGrammarSymbol province = provinces.read(grey, rows.top());
        if (province == null && serials != null) {
            // too few blobs to place the glyph from the Latin characters: the layout fit may still place it
            Rect[] boxes = SerialGlyphs.boxes(grey, rows.top());
            if (boxes != null && boxes[0] != null) {
                province = provinces.readAt(grey, boxes[0]);
            }
        }
        return province;
    }
}
