package vn.bordergate.server.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import vn.bordergate.common.dto.ReportShift;

/**
 * The days a report covers (local dates at the gate, both included) and the shift's hours in each. The day
 * shift of 10 March runs 06:00–18:00; its night shift 18:00 on the 10th to 06:00 on the 11th.
 *
 * <p>It writes its own SQL conditions: the instants are ours (never request text), so they are inlined as
 * JDBC timestamp escapes, and times are stored as UTC wall time ({@code UtcInstantConverter}).
 */
public record ReportRange(LocalDate from, LocalDate to, ReportShift shift) {
    /** The gate's time zone: Viet Nam keeps UTC+7 all year, so one offset serves every SQL hour. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final DateTimeFormatter SQL_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public ReportRange {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }

    public Instant start() {
        return from.atTime(shift == ReportShift.ALL ? 0 : shift.startHour(), 0)
                .atZone(ZONE)
                .toInstant();
    }

    public Instant end() {
        LocalDateTime end =
                switch (shift) {
                    case DAY -> to.atTime(18, 0);
                    case NIGHT -> to.plusDays(1).atTime(6, 0);
                    case ALL -> to.plusDays(1).atStartOfDay();
                };
        return end.atZone(ZONE).toInstant();
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /**
     * Hours to add to a stored UTC time for the gate's local time: +7 since 1975 (Saigon kept +8 before,
     * so the offset is taken at a recent instant, not at the epoch).
     */
    static int offsetHours() {
        return ZONE.getRules().getOffset(Instant.parse("2025-01-01T00:00:00Z")).getTotalSeconds() / 3600;
    }

    /** The same test as {@link #sql(String)}, for an instant already read. */
    boolean contains(Instant t) {
        if (t.isBefore(start()) || !t.isBefore(end())) {
            return false;
        }
        return shift == ReportShift.ALL
                || days() == 1
                || shift.covers(t.atZone(ZONE).getHour());
    }

    /** {@code column} falls in the range, and (over several days) in the shift's hours. */
    String sql(String column) {
        String range = "(" + column + " >= " + literal(start()) + " AND " + column + " < " + literal(end());
        if (shift == ReportShift.ALL || days() == 1) {
            return range + ")";
        }
        String hour = localHour(column);
        return range + " AND " + hour + (shift == ReportShift.DAY ? "" : " NOT") + " BETWEEN 6 AND 17)";
    }

    /** The hour of day (0–23) of a stored time, in the gate's local time. */
    static String localHour(String column) {
        return "{fn HOUR(" + local(column) + ")}";
    }

    /** A stored UTC time as the gate's local wall time. */
    static String local(String column) {
        return "{fn TIMESTAMPADD(SQL_TSI_HOUR, " + offsetHours() + ", " + column + ")}";
    }

    static String literal(Instant instant) {
        return "{ts '" + SQL_TIMESTAMP.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + "'}";
    }

    /** As people read it: "10/03/2026 ca ngày / day shift 06:00–18:00". */
    public String describe() {
        DateTimeFormatter date = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        String days = from.equals(to) ? date.format(from) : date.format(from) + " – " + date.format(to);
        String hours =
                switch (shift) {
                    case DAY -> "ca ngày / day shift 06:00–18:00";
                    case NIGHT -> "ca đêm / night shift 18:00–06:00";
                    case ALL -> "cả ngày / whole day";
                };
        return days + ", " + hours + " (GMT+7)";
    }
}
