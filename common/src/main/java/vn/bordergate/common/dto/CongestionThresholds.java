package vn.bordergate.common.dto;

/**
 * Where a gate's congestion levels begin (configured per gate): green below {@code yellowFrom} vehicles
 * waiting, yellow from {@code yellowFrom} to {@code orangeAbove}, orange above that up to {@code redAbove},
 * red above {@code redAbove}. The National Single Window defaults are 500, 1,000 and 5,000.
 */
public record CongestionThresholds(int yellowFrom, int orangeAbove, int redAbove) {
    public static final CongestionThresholds NATIONAL_SINGLE_WINDOW = new CongestionThresholds(500, 1000, 5000);

    public CongestionThresholds {
        if (yellowFrom < 1 || orangeAbove < yellowFrom || redAbove < orangeAbove) {
            throw new IllegalArgumentException(
                    "congestion thresholds must rise: " + yellowFrom + ", " + orangeAbove + ", " + redAbove);
        }
    }

    public CongestionLevel levelOf(long waiting) {
        if (waiting > redAbove) {
            return CongestionLevel.RED;
        }
        if (waiting > orangeAbove) {
            return CongestionLevel.ORANGE;
        }
        return waiting >= yellowFrom ? CongestionLevel.YELLOW : CongestionLevel.GREEN;
    }
}
