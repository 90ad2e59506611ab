package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2HSV;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.util.EnumSet;
import java.util.Set;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import vn.bordergate.common.plate.PlateKind;

/**
 * Background colour of a plate, which narrows the plate kinds the grammar considers: Vietnamese plates are
 * white (private, diplomatic), yellow (commercial), blue (state) or red (military); Chinese plates blue (small
 * vehicles), yellow (trucks, trailers, coaches) or green (new energy). Colour detection on a small or
 * badly lit crop can be wrong, so each colour keeps the kinds it could be mistaken for.
 */
public enum PlateColour {
    /** Unsaturated: a white (or black) plate, or a plate of any colour under infrared at night. */
    WHITE(EnumSet.allOf(PlateKind.class)),
    YELLOW(EnumSet.of(
            PlateKind.VN_VEHICLE,
            PlateKind.VN_MOTORBIKE,
            PlateKind.CN_STANDARD,
            PlateKind.CN_TRAILER,
            PlateKind.CN_COACH,
            PlateKind.CN_NEW_ENERGY)),
    BLUE(EnumSet.of(PlateKind.VN_VEHICLE, PlateKind.VN_MOTORBIKE, PlateKind.CN_STANDARD, PlateKind.CN_NEW_ENERGY)),
    /** Green (new energy); also a blue plate that the camera's white balance turned teal (a standard kind). */
    GREEN(EnumSet.of(PlateKind.CN_NEW_ENERGY, PlateKind.CN_STANDARD)),
    RED(EnumSet.of(PlateKind.VN_MILITARY, PlateKind.VN_VEHICLE));

    /**
     * A crop with fewer saturated pixels than this share has no colour at all: on the dev sets 29 of the 38
     * Vietnamese one-row crops read as Chinese lie below it, and one of 500 Chinese crops (see docs/anpr.md).
     */
    static final double COLOURLESS = 0.04;

    /** The extra cost of a Chinese kind on a {@link #colourless(Mat)} crop (0.6 on any other white one). */
    static final double COLOURLESS_CHINESE = 1.5;

    /** A grey crop whose middle is at least this share blue-hued (see {@link #paleBlue}) may be a pale blue plate. */
    static final double PALE_BLUE = 0.4;

    /** The saturation a pale blue plate's pixels keep (of 255; a colour takes 70). */
    static final int PALE_SATURATION = 30;

    private final Set<PlateKind> kinds;

    PlateColour(Set<PlateKind> kinds) {
        this.kinds = kinds;
    }

    /**
     * An extra grammar cost for a kind that comes in this colour only rarely: a white plate is seldom Chinese
     * (police, embassies) unless infrared took its colour; a blue plate is seldom Vietnamese (state vehicles).
     */
    public double unlikely(PlateKind kind) {
        return switch (this) {
            case WHITE -> kind.country() == vn.bordergate.common.plate.PlateCountry.CN ? 0.6 : 0;
            case BLUE -> kind.country() == vn.bordergate.common.plate.PlateCountry.VN ? 0.3 : 0;
            case GREEN -> kind == PlateKind.CN_STANDARD ? 0.3 : 0;
            default -> 0;
        };
    }

    /**
     * {@link #unlikely(PlateKind)} for a crop that may have no colour at all ({@link #colourless(Mat)}): a white
     * crop without a trace of blue or yellow is a Vietnamese plate by day far more often than a Chinese one under
     * infrared, so a Chinese read costs more there (yet not so much that a clear Chinese read loses).
     */
    public double unlikely(PlateKind kind, boolean colourless) {
        return this == WHITE && colourless && kind.country() == vn.bordergate.common.plate.PlateCountry.CN
                ? COLOURLESS_CHINESE
                : unlikely(kind);
    }

    /** Plate kinds (as the grammar's layouts name them) that come in this colour. */
    public Set<PlateKind> kinds() {
        return kinds;
    }

    /**
     * The dominant background colour of a BGR plate crop: the hue most of the saturated pixels share, or white
     * when few pixels are saturated.
     */
    public static PlateColour of(Mat bgr) {
        int[] counts = counts(bgr);
        int blue = counts[0];
        int yellow = counts[1];
        int green = counts[2];
        int red = counts[3];
        int total = counts[5];
        int best = Math.max(Math.max(blue, red), Math.max(yellow, green));
        if (total == 0 || best < total * 0.3) {
            return paleBlue(bgr, counts) ? BLUE : WHITE;
        }
        return best == blue ? BLUE : best == yellow ? YELLOW : best == green ? GREEN : RED;
    }

    /**
     * Whether a crop too grey for a colour is a blue plate all the same: the middle of the crop (where the plate is,
     * away from a loose cut's surroundings) mostly of blue hue, though weakly saturated, with light text on it. A
     * hazy, overexposed or dusk blue plate keeps its hue but loses the saturation {@link #of} asks for, and a white
     * plate under a blue cast shows that hue too but has dark text (of the white Vietnamese crops whose middle is at
     * least {@link #PALE_BLUE} blue, 3 of 2 157 one-row and none of 877 two-row ones have light text). A Chinese blue
     * plate taken for white is open to Vietnamese military reads and to no Chinese colour rule (cn-scenes 065 068 163,
     * read {@code AS0819}, {@code TZ2201}, {@code AA8457}; docs/anpr.md, "Scenes: the rim, pale blue plates").
     */
    private static boolean paleBlue(Mat bgr, int[] counts) {
        return counts[6] > 0 && counts[7] >= counts[6] * PALE_BLUE && CropGrey.lightText(bgr);
    }

    /**
     * Whether fewer than {@link #COLOURLESS} of a BGR crop's pixels are saturated, whatever their hue, and its text is
     * dark on a light plate: a black plate (Chinese cross-border, 港 澳) has no colour either, and is Chinese.
     */
    static boolean colourless(Mat bgr) {
        int[] counts = counts(bgr);
        if (counts[5] == 0 || counts[4] >= counts[5] * COLOURLESS) {
            return false;
        }
        return !CropGrey.lightText(bgr);
    }

    /**
     * Sampled pixel counts: blue, yellow, green, red, saturated (any hue), all; then the middle's samples (the
     * {@link CropGrey#mostlyDark} window) and those of them of blue hue at {@link #PALE_SATURATION} or more; zeros for
     * a non-BGR image.
     */
    private static int[] counts(Mat bgr) {
        int[] out = new int[8];
        if (bgr.empty() || bgr.channels() != 3) {
            return out;
        }
        Mat hsv = new Mat();
        try {
            cvtColor(bgr, hsv, COLOR_BGR2HSV);
            int step = Math.max(1, (int) Math.sqrt((double) hsv.rows() * hsv.cols() / 4000.0));
            int top = hsv.rows() / 4;
            int bottom = hsv.rows() * 3 / 4;
            int left = hsv.cols() / 5;
            int right = hsv.cols() * 4 / 5;
            try (UByteIndexer px = hsv.createIndexer()) {
                for (int y = 0; y < hsv.rows(); y += step) {
                    for (int x = 0; x < hsv.cols(); x += step) {
                        out[5]++;
                        int h = px.get(y, x, 0);
                        int s = px.get(y, x, 1);
                        int v = px.get(y, x, 2);
                        boolean blueHue = h >= 95 && h <= 130;
                        if (y >= top && y < bottom && x >= left && x < right) {
                            out[6]++;
                            if (blueHue && s >= PALE_SATURATION && v >= 50) {
                                out[7]++;
                            }
                        }
                        if (s < 70 || v < 50) {
                            continue;
                        }
                        out[4]++;
                        if (blueHue) {
                            out[0]++;
                        } else if (h >= 12 && h <= 34) {
                            out[1]++;
                        } else if (h >= 35 && h <= 90) {
                            out[2]++;
                        } else if ((h <= 8 || h >= 165) && s >= 110) {
                            out[3]++;
                        }
                    }
                }
            }
            return out;
        } finally {
            hsv.close();
        }
    }
}
