package vn.bordergate.server.anpr;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import vn.bordergate.common.plate.PlateGrammarSymbol;

/**
 * A frame in which no region gave a plate: its one-row regions that the quick read left blank are cut tight and, when
 * that cut has a plate's colour (blue, yellow, green), read by the glyph classifiers alone. The quick read is
 * Tesseract's plain read only, and on a clean Chinese plate it can return nothing (cn-scenes 075: seven character
 * blobs, no text) while the glyph read gets the plate right; a region with no quick text never got that read
 * (docs/anpr.md, "Scenes: the province box off the frame edge, the glyph read for a blank quick read"). Frames that gave any
 * plate, and white or square regions, pay nothing.
 */
final class UnreadRegions {
    /** At most this many regions of a frame get the read; {@code -Danpr.unreadRegions=0} turns it off to measure it. */
    static final int READS = Integer.getInteger("anpr.unreadRegions", 2);

    private UnreadRegions() {}

    /** A region and its glyph read. */
    record Read(PlateRegion region, CropRead read) {}

    /**
     * The glyph reads of the tight cuts of {@code blank} (regions whose quick read saw no text, in the finder's order)
     * that are one-row shaped and plate-coloured, at most {@link #READS} of them; the found plates only.
     */
    static List<Read> read(CropReader crops, Mat image, List<PlateRegion> blank) {
        List<Read> out = new ArrayList<>();
        int reads = 0;
        for (PlateRegion region : blank) {
            if (reads >= READS) {
                break;
            }
            if (region.width() < PlateRegion.TIGHT_CUT_SHAPE * region.height()) {
                continue;
            }
            Mat cut = region.cut(image, PlateRegion.TIGHT_MARGIN);
            try {
                if (!plateColoured(PlateColour.of(cut))) {
                    continue;
                }
                reads++;
                CropRead read = glyphs(crops, cut);
                if (read != null && read.found()) {
                    out.add(new Read(region, read));
                }
            } finally {
                cut.close();
            }
        }
        return out;
    }

    /**
     * The glyph read alone of a tight cut (no Tesseract: its plain read was blank already, and four more Tesseract
     * reads of every blank region cost lane frames 13 ms at the median); null when the crop is not one it reads.
     */
    static CropRead glyphs(CropReader crops, Mat cut) {
        PlateColour colour = PlateColour.of(cut);
        CropRead none = new CropRead(null, "", colour, false);
        if (crops.serials() == null || cut.cols() < CropReader.MIN_WIDTH || cut.rows() < CropReader.MIN_HEIGHT) {
            return null;
        }
        Mat grey = CropGrey.straight(cut);
        try {
            PlateRows rows = PlateRows.of(grey);
            if (!ChineseGlyphRead.wanted(crops.serials(), rows, colour, none)) {
                return null;
            }
            ProvinceClassifier provinces = crops.provinces();
            PlateGrammarSymbol province = provinces == null ? null : provinces.read(grey, rows.top());
            return ChineseGlyphRead.read(crops.serials(), provinces, cut, grey, rows, colour, province);
        } finally {
            grey.close();
        }
    }

    /** Blue, yellow or green: a Chinese plate's (or a Vietnamese yellow one's), not a white sign or a grey bumper. */
    static boolean plateColoured(PlateColour colour) {
        return Boolean.getBoolean("tmp.anyColour")
                || colour == PlateColour.BLUE
                || colour == PlateColour.YELLOW
                || colour == PlateColour.GREEN;
    }
}
