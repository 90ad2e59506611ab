package vn.bordergate.server.anpr.synthetic;

import java.util.List;
import java.util.Objects;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateCountry;
import vn.bordergate.common.plate.PlateKind;

/**
 * The look of a physical plate: colour scheme and row layout. The size in millimetres follows from the
 * plate's country and kind ({@link #widthMm}, {@link #heightMm}).
 */
public record PlateStyle(PlatePaint paint, PlateLayout layout) {
    public PlateStyle {
        Objects.requireNonNull(paint);
        Objects.requireNonNull(layout);
    }

    /** The usual plate of a vehicle of this kind: VN white one row (motorbike two rows), CN blue/green/yellow. */
    public static PlateStyle standard(Plate plate) {
        return switch (plate.kind()) {
            case VN_VEHICLE, VN_TRAILER, VN_DIPLOMATIC -> new PlateStyle(PlatePaint.WHITE, PlateLayout.ONE_ROW);
            case VN_MOTORBIKE -> new PlateStyle(PlatePaint.WHITE, PlateLayout.TWO_ROW);
            case VN_MILITARY -> new PlateStyle(PlatePaint.RED, PlateLayout.ONE_ROW);
            case CN_STANDARD -> new PlateStyle(PlatePaint.BLUE, PlateLayout.ONE_ROW);
            case CN_NEW_ENERGY -> new PlateStyle(PlatePaint.GREEN, PlateLayout.ONE_ROW);
            case CN_TRAILER -> new PlateStyle(PlatePaint.YELLOW, PlateLayout.TWO_ROW);
            case CN_COACH -> new PlateStyle(PlatePaint.YELLOW, PlateLayout.ONE_ROW);
            case CN_CROSS_BORDER -> new PlateStyle(PlatePaint.BLACK, PlateLayout.ONE_ROW);
        };
    }

    /**
     * The front plate of a goods vehicle at the gate: Vietnamese transport business (yellow), Chinese
     * large vehicle (yellow one row, new energy yellow-green).
     */
    public static PlateStyle truckFront(Plate plate) {
        return switch (plate.kind()) {
            case VN_VEHICLE, VN_TRAILER -> new PlateStyle(PlatePaint.YELLOW, PlateLayout.ONE_ROW);
            case CN_STANDARD, CN_TRAILER -> new PlateStyle(PlatePaint.YELLOW, PlateLayout.ONE_ROW);
            case CN_NEW_ENERGY -> new PlateStyle(PlatePaint.YELLOW_GREEN, PlateLayout.ONE_ROW);
            default -> standard(plate);
        };
    }

    /** The rear plate of a truck or trailer: two rows, yellow (new energy keeps one row). */
    public static PlateStyle truckRear(Plate plate) {
        return switch (plate.kind()) {
            case VN_VEHICLE, VN_TRAILER, CN_STANDARD, CN_TRAILER, CN_COACH -> new PlateStyle(
                    PlatePaint.YELLOW, PlateLayout.TWO_ROW);
            case CN_NEW_ENERGY -> new PlateStyle(PlatePaint.YELLOW_GREEN, PlateLayout.ONE_ROW);
            default -> standard(plate);
        };
    }

    /** Every style a plate of this kind really comes in; synthetic data sets pick among them. */
    public static List<PlateStyle> choices(Plate plate) {
        PlateStyle standard = standard(plate);
        return switch (plate.kind()) {
            case VN_VEHICLE, VN_TRAILER -> List.of(
                    standard,
                    new PlateStyle(PlatePaint.YELLOW, PlateLayout.ONE_ROW),
                    new PlateStyle(PlatePaint.WHITE, PlateLayout.TWO_ROW),
                    new PlateStyle(PlatePaint.YELLOW, PlateLayout.TWO_ROW));
            case CN_STANDARD -> List.of(
                    standard,
                    new PlateStyle(PlatePaint.YELLOW, PlateLayout.ONE_ROW),
                    new PlateStyle(PlatePaint.YELLOW, PlateLayout.TWO_ROW));
            case CN_NEW_ENERGY -> List.of(standard, new PlateStyle(PlatePaint.YELLOW_GREEN, PlateLayout.ONE_ROW));
            case CN_TRAILER -> List.of(standard, new PlateStyle(PlatePaint.YELLOW, PlateLayout.ONE_ROW));
            default -> List.of(standard);
        };
    }

    /** Width of the plate in millimetres. */
    public double widthMm(Plate plate) {
        if (plate.country() == PlateCountry.VN) {
            if (layout == PlateLayout.ONE_ROW) {
                return 520;
            }
            return plate.kind() == PlateKind.VN_MOTORBIKE ? 190 : 330;
        }
        return layout == PlateLayout.ONE_ROW && plate.kind() == PlateKind.CN_NEW_ENERGY ? 480 : 440;
    }

    /** Height of the plate in millimetres. */
    public double heightMm(Plate plate) {
        if (plate.country() == PlateCountry.VN) {
            if (layout == PlateLayout.ONE_ROW) {
                return 110;
            }
            return plate.kind() == PlateKind.VN_MOTORBIKE ? 140 : 165;
        }
        return layout == PlateLayout.ONE_ROW ? 140 : 220;
    }

    /** Lower-case name for file names and labels, e.g. {@code yellow-two-row}. */
    public String label() {
        return (paint.name() + "-" + layout.name())
                .toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-');
    }
}
