package vn.bordergate.common.dto;

/**
 * Which hours of each day of a report's range count, in the gate's local time (Asia/Ho_Chi_Minh): the day
 * shift 06:00–18:00, the night shift 18:00–06:00 of the next morning, or the whole day.
 */
public enum ReportShift {
    DAY(6, 18),
    NIGHT(18, 6),
    ALL(0, 0);

    private final int startHour;
    private final int endHour;

    ReportShift(int startHour, int endHour) {
        this.startHour = startHour;
        this.endHour = endHour;
    }

    public int startHour() {
        return startHour;
    }

    /** The hour the shift ends, on the next day when it is not after {@link #startHour()}. */
    public int endHour() {
        return endHour;
    }

    /** Whether a local hour of day (0–23) falls in this shift. */
    public boolean covers(int hour) {
        return switch (this) {
            case DAY -> hour >= 6 && hour < 18;
            case NIGHT -> hour >= 18 || hour < 6;
            case ALL -> true;
        };
    }
}
