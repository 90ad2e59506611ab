package vn.bordergate.server.reports;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.reports.Figures.Cell;
import vn.bordergate.server.reports.Figures.Decision;
import vn.bordergate.server.reports.Figures.Part;

/**
 * Rolls each finished day's report figures up into {@code report_rollup}, in date order, so reports over
 * months read a few rows per day. What is rolled up never changes once the day is over: decisions, passed
 * steps, arrivals, releases and paid fees carry the time they happened, and a passed step or a release is
 * never undone (a declaration can be corrected only before its step passes). Figures that do change later
 * (plate reads corrected, vehicles coming back, crossings' final status) are always read raw.
 */
public final class ReportRollups {
    /** Writes still in flight at midnight carry the old day's time: wait a little past it. */
    static final Duration SETTLE = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(ReportRollups.class);

    private final Transactions tx;
    private final Clock clock;

    public ReportRollups(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** Rolls up the next finished day if there is one; for a scheduler, so one day per call. */
    public void rollUpNextDay() {
        try {
            tx.write(session -> session.doReturningWork(this::rollUpNext));
        } catch (RuntimeException e) {
            // the day stays raw (reports stay right, only slower) and is tried again next time
            LOG.warn("report roll-up failed, will retry: {}", e.toString());
        }
    }

    /** Rolls up every finished day not rolled up yet; returns how many. */
    public int rollUpAll() {
        int days = 0;
        while (tx.write(session -> session.doReturningWork(this::rollUpNext)) != null) {
            days++;
        }
        return days;
    }

    /** The last day rolled up (every day before it is too), or null. */
    static LocalDate lastRolledUp(Connection c) throws SQLException {
        LocalDate[] last = {null};
        ReportQuery.each(c, "SELECT MAX(local_date) FROM report_rollup_day", r -> {
            Date d = r.getDate(1);
            last[0] = d == null ? null : d.toLocalDate();
        });
        return last[0];
    }

    /** The day rolled up, or null when the next day isn't over yet (or there is nothing at all). */
    private LocalDate rollUpNext(Connection c) throws SQLException {
        LocalDate last = lastRolledUp(c);
        LocalDate next = last == null ? firstDay(c) : last.plusDays(1);
        if (next == null || clock.instant().isBefore(start(next.plusDays(1)).plus(SETTLE))) {
            return null;
        }
        Figures day = new Figures();
        Instant from = start(next);
        Instant to = start(next.plusDays(1));
        UnaryOperator<String> window = column -> "(" + column + " >= " + ReportRange.literal(from) + " AND " + column
                + " < " + ReportRange.literal(to) + ")";
        RawFigures.add(c, window, Figures.ALL, day);
        write(c, day, EnterpriseFigures.trips(c, window));
        try (PreparedStatement mark =
                c.prepareStatement("INSERT INTO report_rollup_day (local_date, rolled_up_at) VALUES (?, ?)")) {
            mark.setDate(1, Date.valueOf(next));
            mark.setTimestamp(2, Timestamp.valueOf(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
            mark.executeUpdate();
        }
        return next;
    }

    /**
     * The first day anything happened. Not only the first submission: correcting a declaration moves its
     * submission time later, and a day before the first roll-up would be read neither rolled up nor raw.
     */
    private static LocalDate firstDay(Connection c) throws SQLException {
        Instant[] first = {null};
        for (String sql : List.of(
                "SELECT MIN(submitted_at) FROM declaration",
                "SELECT MIN(decided_at) FROM step_confirmation",
                "SELECT MIN(decided_at) FROM crossing_step",
                "SELECT MIN(paid_at) FROM fee")) {
            ReportQuery.each(c, sql, r -> {
                Instant at = ReportQuery.instant(r, 1);
                if (at != null && (first[0] == null || at.isBefore(first[0]))) {
                    first[0] = at;
                }
            });
        }
        return first[0] == null
                ? null
                : LocalDateTime.ofInstant(first[0], ReportRange.ZONE).toLocalDate();
    }

    static Instant start(LocalDate day) {
        return day.atStartOfDay(ReportRange.ZONE).toInstant();
    }

    private static void write(Connection c, Figures day, List<EnterpriseFigures.Trip> trips) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO report_rollup (local_date, local_hour, measure,"
                + " step, action, reason, n, amount_vnd, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            RollupRows rows = new RollupRows(insert);
            // throughput per hour, for the hourly table
            for (Map.Entry<LocalDate, Cell[]> date : day.hours().entrySet()) {
                for (int h = 0; h < 24; h++) {
                    Cell cell = date.getValue()[h];
                    if (cell != null) {
                        rows.count(date.getKey(), h, "ARRIVED", cell.arrived);
                        rows.count(date.getKey(), h, "RELEASED", cell.released);
                        rows.count(date.getKey(), h, "TURNED_BACK", cell.turnedBack);
                    }
                }
            }
            // the rest per shift block
            for (Map.Entry<LocalDate, Cell[]> date : day.blocks().entrySet()) {
                for (int h = 0; h < 24; h++) {
                    Cell cell = date.getValue()[h];
                    if (cell != null) {
                        rows.block(date.getKey(), h, cell);
                    }
                }
            }
            // declarations per enterprise, per block of their submission
            Map<Instant, List<EnterpriseFigures.Trip>> byBlock = new TreeMap<>();
            for (EnterpriseFigures.Trip trip : trips) {
                byBlock.computeIfAbsent(Figures.blockStart(trip.local()), b -> new ArrayList<>())
                        .add(trip);
            }
            for (Map.Entry<Instant, List<EnterpriseFigures.Trip>> block : byBlock.entrySet()) {
                LocalDateTime start = LocalDateTime.ofInstant(block.getKey(), ReportRange.ZONE);
                for (String piece : EnterpriseFigures.encode(block.getValue(), RollupRows.HISTOGRAM_PIECE)) {
                    rows.row(start.toLocalDate(), start.getHour(), "ENTERPRISE", null, null, null, 0, null, piece);
                }
            }
            insert.executeBatch();
        }
    }

    /**
     * The figures of a range: whole days already rolled up from {@code report_rollup}, the rest (the day in
     * progress, or everything before the first roll-up) from the raw rows.
     */
    static Figures figures(Connection c, ReportRange range, Set<Part> parts) throws SQLException {
        Figures figures = new Figures();
        LocalDate last = lastRolledUp(c);
        Instant cut = last == null ? range.start() : start(last.plusDays(1));
        if (cut.isAfter(range.start())) {
            read(c, range, last, parts, figures);
        }
        if (cut.isBefore(range.end())) {
            RawFigures.add(
                    c,
                    cut.isAfter(range.start())
                            ? column ->
                                    "(" + range.sql(column) + " AND " + column + " >= " + ReportRange.literal(cut) + ")"
                            : range::sql,
                    parts,
                    figures);
        }
        return figures;
    }

    private static void read(Connection c, ReportRange range, LocalDate last, Set<Part> parts, Figures into)
            throws SQLException {
        StringBuilder measures = new StringBuilder();
        for (Part part : parts) {
            for (String m : measures(part)) {
                measures.append(measures.isEmpty() ? "'" : ", '").append(m).append('\'');
            }
        }
        // a night shift ends the morning after its last day
        LocalDate to = range.to().plusDays(1).isAfter(last) ? last : range.to().plusDays(1);
        String sql = "SELECT local_date, local_hour, measure, step, action, reason, n, amount_vnd, detail"
                + " FROM report_rollup WHERE measure IN (" + measures + ") AND local_date >= {d '" + range.from()
                + "'} AND local_date <= {d '" + to + "'}";
        ReportQuery.each(c, sql, r -> {
            LocalDate date = r.getDate(1).toLocalDate();
            int hour = r.getInt(2);
            // a row stands for its hour or its shift block, which a range takes whole or not at all
            if (!range.contains(date.atTime(hour, 0).atZone(ReportRange.ZONE).toInstant())) {
                return;
            }
            Cell cell = into.cell(date, hour);
            String step = r.getString(4);
            long n = r.getLong(7);
            switch (r.getString(3)) {
                case "ARRIVED" -> cell.arrived += n;
                case "RELEASED" -> cell.released += n;
                case "TURNED_BACK" -> cell.turnedBack += n;
                case "TURNED_BACK_VEHICLES" -> cell.turnedBackVehicles += n;
                case "PASSED" -> cell.passed[Step.valueOf(step).ordinal()] += n;
                case "DECISION" -> cell.decisions.merge(
                        new Decision(Step.valueOf(step), r.getString(5), r.getString(6)), n, Long::sum);
                case "FEE" -> cell.fee(r.getString(6), n, r.getBigDecimal(8));
                case "DWELL" -> cell.dwell.addEncoded(r.getString(9));
                case "STEP_TIME" -> cell.stepTime(Step.valueOf(step)).addEncoded(r.getString(9));
                default -> throw new IllegalStateException("unknown roll-up measure " + r.getString(3));
            }
        });
    }

    /** The measures stored for each part. */
    static Set<String> measures(Part part) {
        return switch (part) {
            case THROUGHPUT -> Set.of("ARRIVED", "RELEASED", "TURNED_BACK");
            case DECISIONS -> Set.of("TURNED_BACK_VEHICLES", "PASSED", "DECISION");
            case FEES -> Set.of("FEE");
            case DWELL -> Set.of("DWELL");
            case STEP_TIMES -> Set.of("STEP_TIME");
        };
    }
}
