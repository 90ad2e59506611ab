package vn.bordergate.server.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Per enterprise, the declarations submitted in a range: how many, how many distinct tractors, how many
 * trips crossed and how many ended refused. A finished day is rolled up per shift block as one text of
 * closed trips (their figures and tractors, which never change) and the ids of trips still open, whose
 * declaration may yet be corrected (tractor, submission time) or whose status may change: those are looked
 * up again each time.
 */
final class EnterpriseFigures {
    /** One enterprise's activity; tractors as a set, since the same truck comes on many days. */
    static final class Activity {
        long declarations;
        long crossed;
        long refused;
        final Set<Long> tractors = new HashSet<>();

        void add(long tractor, String status) {
            declarations++;
            tractors.add(tractor);
            if ("RELEASED".equals(status)) {
                crossed++;
            } else if ("DECLARATION_REJECTED".equals(status) || "TURNED_BACK".equals(status)) {
                refused++;
            }
        }
    }

    /** A declaration with its trip. */
    record Trip(long crossing, Instant submitted, long enterprise, long tractor, String status) {
        boolean closed() {
            return "RELEASED".equals(status) || "TURNED_BACK".equals(status) || "CANCELLED".equals(status);
        }

        LocalDateTime local() {
            return LocalDateTime.ofInstant(submitted, ReportRange.ZONE);
        }
    }

    private static final String TRIPS = "SELECT c.id, d.submitted_at, d.enterprise_id, d.tractor_id, c.status"
            + " FROM declaration d JOIN crossing c ON c.declaration_id = d.id WHERE ";

    private static final int LOOKUP = 100;

    final Map<Long, Activity> byEnterprise = new HashMap<>();

    private EnterpriseFigures() {}

    void add(Trip trip) {
        byEnterprise.computeIfAbsent(trip.enterprise(), e -> new Activity()).add(trip.tractor(), trip.status());
    }

    /** The trips whose declaration was submitted in the window. */
    static List<Trip> trips(Connection c, UnaryOperator<String> window) throws SQLException {
        List<Trip> trips = new ArrayList<>();
        ReportQuery.each(c, TRIPS + window.apply("d.submitted_at"), r -> trips.add(trip(r)));
        return trips;
    }

    private static Trip trip(ResultSet r) throws SQLException {
        return new Trip(r.getLong(1), ReportQuery.instant(r, 2), r.getLong(3), r.getLong(4), r.getString(5));
    }

    /** A range's figures: rolled-up blocks up to {@code last} (null: none), raw rows after. */
    static EnterpriseFigures of(Connection c, ReportRange range, LocalDate last) throws SQLException {
        EnterpriseFigures figures = new EnterpriseFigures();
        Instant cut = last == null ? range.start() : ReportRollups.start(last.plusDays(1));
        if (cut.isAfter(range.start())) {
            figures.rolledUp(c, range, last);
        }
        if (cut.isBefore(range.end())) {
            UnaryOperator<String> window = cut.isAfter(range.start())
                    ? column -> "(" + range.sql(column) + " AND " + column + " >= " + ReportRange.literal(cut) + ")"
                    : range::sql;
            for (Trip trip : trips(c, window)) {
                figures.add(trip);
            }
        }
        return figures;
    }

    private void rolledUp(Connection c, ReportRange range, LocalDate last) throws SQLException {
        // trips open when rolled up, by the block they were in then
        Map<Long, Instant> open = new HashMap<>();
        LocalDate to = range.to().plusDays(1).isAfter(last) ? last : range.to().plusDays(1);
        ReportQuery.each(
                c,
                "SELECT local_date, local_hour, detail FROM report_rollup WHERE measure = 'ENTERPRISE'"
                        + " AND local_date >= {d '" + range.from() + "'} AND local_date <= {d '" + to + "'}"
                        // a trip still open may be listed by two days (corrected after its first roll-up):
                        // its latest block must win, and no database promises an order without this
                        + " ORDER BY local_date, local_hour",
                r -> {
                    Instant block = r.getDate(1)
                            .toLocalDate()
                            .atTime(r.getInt(2), 0)
                            .atZone(ReportRange.ZONE)
                            .toInstant();
                    if (range.contains(block)) {
                        decode(r.getString(3), block, open);
                    }
                });
        if (open.isEmpty()) {
            return;
        }
        // one statement with a fixed number of ids, prepared once: a new IN list per call would make
        // Derby compile a statement each time
        List<Long> ids = new ArrayList<>(open.keySet());
        String marks = "?" + ", ?".repeat(LOOKUP - 1);
        try (PreparedStatement lookup = c.prepareStatement(TRIPS + "c.id IN (" + marks + ")")) {
            for (int i = 0; i < ids.size(); i += LOOKUP) {
                for (int k = 0; k < LOOKUP; k++) {
                    // past the last id, repeat it: the same row again, found once
                    lookup.setLong(k + 1, ids.get(Math.min(ids.size() - 1, i + k)));
                }
                try (ResultSet r = lookup.executeQuery()) {
                    while (r.next()) {
                        Trip trip = trip(r);
                        // a corrected declaration moved to the block of its new submission, which counts it there
                        if (Figures.blockStart(trip.local()).equals(open.get(trip.crossing()))) {
                            add(trip);
                        }
                    }
                }
            }
        }
    }

    /**
     * A block's text: {@code enterprise:declarations:crossed:refused:tractor,tractor...} per enterprise,
     * then {@code o:crossing,crossing...} for the trips still open, separated by ";".
     */
    static List<String> encode(List<Trip> trips, int max) {
        Map<Long, Activity> closed = new TreeMap<>();
        List<Long> open = new ArrayList<>();
        for (Trip trip : trips) {
            if (trip.closed()) {
                closed.computeIfAbsent(trip.enterprise(), e -> new Activity()).add(trip.tractor(), trip.status());
            } else {
                open.add(trip.crossing());
            }
        }
        List<String> entries = new ArrayList<>();
        closed.forEach((enterprise, a) -> {
            StringBuilder e = new StringBuilder()
                    .append(enterprise)
                    .append(':')
                    .append(a.declarations)
                    .append(':')
                    .append(a.crossed)
                    .append(':')
                    .append(a.refused)
                    .append(':');
            a.tractors.stream().sorted().forEach(t -> e.append(t).append(','));
            entries.add(e.toString());
        });
        for (int i = 0; i < open.size(); i += 200) {
            StringBuilder o = new StringBuilder("o:");
            open.subList(i, Math.min(open.size(), i + 200))
                    .forEach(id -> o.append(id).append(','));
            entries.add(o.toString());
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String e : entries) {
            if (!piece.isEmpty() && piece.length() + 1 + e.length() > max) {
                pieces.add(piece.toString());
                piece.setLength(0);
            }
            piece.append(piece.isEmpty() ? "" : ";").append(e);
        }
        if (!piece.isEmpty()) {
            pieces.add(piece.toString());
        }
        return pieces;
    }

    private void decode(String text, Instant block, Map<Long, Instant> open) {
        for (String entry : text.split(";")) {
            String[] f = entry.split(":");
            if ("o".equals(f[0])) {
                for (String id : f[1].split(",")) {
                    open.put(Long.parseLong(id), block);
                }
                continue;
            }
            Activity a = byEnterprise.computeIfAbsent(Long.parseLong(f[0]), e -> new Activity());
            a.declarations += Long.parseLong(f[1]);
            a.crossed += Long.parseLong(f[2]);
            a.refused += Long.parseLong(f[3]);
            for (String t : f[4].split(",")) {
                a.tractors.add(Long.parseLong(t));
            }
        }
    }
}
