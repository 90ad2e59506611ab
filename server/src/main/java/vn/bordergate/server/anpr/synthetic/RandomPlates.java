package vn.bordergate.server.anpr.synthetic;

import java.util.List;
import java.util.Random;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateKind;
import vn.bordergate.common.plate.PlateParser;

/**
 * Random valid plates of each kind, drawn from a caller's {@link Random} (so a seed fixes them). Every
 * plate comes out of {@link PlateParser#parse}, so it is valid by the project's own grammar.
 */
public final class RandomPlates {
    /** Vietnamese province codes (Lạng Sơn is 12, Hà Nội 29-33 and 40, Hồ Chí Minh City 50-59...). */
    private static final int[] VN_PROVINCES = {
        11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 43,
        47, 48, 49, 50, 51, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 81, 82, 83,
        84, 85, 86, 88, 89, 90, 92, 93, 94, 95, 97, 98, 99
    };

    private static final String VN_SERIES = "ABCDEFGHKLMNPSTUVXYZ";
    private static final String CN_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String CN_ALNUM = CN_LETTERS + "0123456789";
    private static final List<String> VN_MILITARY_SERIES =
            List.of("AA", "AB", "AT", "BC", "HC", "KA", "KB", "KC", "KD", "KV", "PA", "QA", "QB", "TC", "TM", "TT");
    private static final List<String> VN_DIPLOMATIC_SERIES = List.of("NG", "NN", "QT", "CV");

    /** Kinds of plate trucks at the gate carry on the front, with how often each turns up. */
    private static final List<PlateKind> GATE_TRUCK_KINDS = List.of(
            PlateKind.VN_VEHICLE,
            PlateKind.VN_VEHICLE,
            PlateKind.VN_VEHICLE,
            PlateKind.VN_VEHICLE,
            PlateKind.CN_STANDARD,
            PlateKind.CN_STANDARD,
            PlateKind.CN_STANDARD,
            PlateKind.CN_STANDARD,
            PlateKind.CN_NEW_ENERGY);

    private RandomPlates() {}

    /** The front plate of a truck at the Vietnam–China gate: mostly VN and CN trucks, some new energy. */
    public static Plate gateTruck(Random random) {
        return next(random, GATE_TRUCK_KINDS.get(random.nextInt(GATE_TRUCK_KINDS.size())));
    }

    /** A trailer plate, Vietnamese ({@code 12R-...}) or Chinese ({@code ...挂}). */
    public static Plate trailer(Random random) {
        return next(random, random.nextBoolean() ? PlateKind.VN_TRAILER : PlateKind.CN_TRAILER);
    }

    /** A random valid plate of {@code kind}. */
    public static Plate next(Random random, PlateKind kind) {
        while (true) {
            Plate plate = PlateParser.tryParse(text(random, kind)).orElse(null);
            if (plate != null && plate.kind() == kind) {
                return plate;
            }
        }
    }

    private static String text(Random r, PlateKind kind) {
        String province = String.valueOf(VN_PROVINCES[r.nextInt(VN_PROVINCES.length)]);
        return switch (kind) {
            case VN_VEHICLE -> province
                    + (r.nextInt(10) == 0 ? "LD" : pick(r, VN_SERIES))
                    + digits(r, r.nextInt(8) == 0 ? 4 : 5);
            case VN_TRAILER -> province + "R" + digits(r, 5);
            case VN_MOTORBIKE -> province
                    + pick(r, VN_SERIES)
                    + (1 + r.nextInt(9))
                    + digits(r, r.nextInt(4) == 0 ? 4 : 5);
            case VN_MILITARY -> VN_MILITARY_SERIES.get(r.nextInt(VN_MILITARY_SERIES.size())) + digits(r, 4);
            case VN_DIPLOMATIC -> province
                    + digits(r, 3)
                    + VN_DIPLOMATIC_SERIES.get(r.nextInt(VN_DIPLOMATIC_SERIES.size()))
                    + digits(r, 2);
            case CN_STANDARD -> cnRegion(r) + cnSerial(r, 5);
            case CN_NEW_ENERGY -> cnRegion(r)
                    + (r.nextBoolean()
                            ? pick(r, "DF") + pick(r, CN_ALNUM) + digits(r, 4)
                            : digits(r, 5) + pick(r, "DF"));
            case CN_TRAILER -> cnRegion(r) + cnSerial(r, 4) + "挂";
            case CN_COACH -> cnRegion(r) + cnSerial(r, 4) + "学";
            case CN_CROSS_BORDER -> "粤Z" + cnSerial(r, 4) + (r.nextBoolean() ? "港" : "澳");
        };
    }

    /** A province character (Guangxi, across the border from Lạng Sơn, most often) and an office letter. */
    private static String cnRegion(Random r) {
        int roll = r.nextInt(10);
        String province = roll < 4
                ? "桂"
                : roll == 4
                        ? "粤"
                        : String.valueOf(PlateParser.CN_PROVINCES.charAt(r.nextInt(PlateParser.CN_PROVINCES.length())));
        return province + pick(r, CN_LETTERS);
    }

    /** Mostly digits, at most two letters, as issued. */
    private static String cnSerial(Random r, int length) {
        StringBuilder sb = new StringBuilder();
        int letters = 0;
        for (int i = 0; i < length; i++) {
            if (letters < 2 && r.nextInt(4) == 0) {
                sb.append(pick(r, CN_LETTERS));
                letters++;
            } else {
                sb.append((char) ('0' + r.nextInt(10)));
            }
        }
        return sb.toString();
    }

    private static String digits(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.toString();
    }

    private static String pick(Random r, String chars) {
        return String.valueOf(chars.charAt(r.nextInt(chars.length())));
    }
}
