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

    /** Plate kinds (as the grammar's layouts name them) that come in this colour. */
    public Set<PlateKind> kinds() {
        return kinds;
    }

    /**
     * The dominant background colour of a BGR plate crop: the hue most of the saturated pixels share, or white
     * when few pixels are saturated.
     */
    public static PlateColour of(Mat bgr) {
        if (bgr.empty() || bgr.channels() != 3) {
            return WHITE;
        }
        Mat hsv = new Mat();
        try {
            cvtColor(bgr, hsv, COLOR_BGR2HSV);
            int blue = 0;
            int yellow = 0;
            int green = 0;
            int red = 0;
            int total = 0;
            int step = Math.max(1, (int) Math.sqrt((double) hsv.rows() * hsv.cols() / 4000.0));
            try (UByteIndexer px = hsv.createIndexer()) {
                for (int y = 0; y < hsv.rows(); y += step) {
                    for (int x = 0; x < hsv.cols(); x += step) {
                        total++;
                        int h = px.get(y, x, 0);
                        int s = px.get(y, x, 1);
                        int v = px.get(y, x, 2);
                        if (s < 70 || v < 50) {
                            continue;
                        }
                        if (h >= 95 && h <= 130) {
                            blue++;
                        } else if (h >= 12 && h <= 34) {
                            yellow++;
                        } else if (h >= 35 && h <= 90) {
                            green++;
                        } else if ((h <= 8 || h >= 165) && s >= 110) {
                            red++;
                        }
                    }
                }
            }
            int best = Math.max(Math.max(blue, red), Math.max(yellow, green));
            if (total == 0 || best < total * 0.3) {
                return WHITE;
            }
            return best == blue ? BLUE : best == yellow ? YELLOW : best == green ? GREEN : RED;
        } finally {
            hsv.close();
        }
    }
}
