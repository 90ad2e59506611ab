package vn.bordergate.server.dashboard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.bordergate.common.dto.CameraMetricsDto;
import vn.bordergate.common.dto.DashboardDto;
import vn.bordergate.common.dto.DashboardDto.HourCount;
import vn.bordergate.common.dto.DashboardDto.StepBacklog;
import vn.bordergate.common.dto.OverstayAlertDto;
import vn.bordergate.common.dto.YardWaitingDto;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.publicstatus.GateSite;
import vn.bordergate.server.service.CrossingQueries;
import vn.bordergate.server.service.OpenSteps;

/**
 * The supervisors' live dashboard. Every figure is a grouped count over indexed columns (status, arrived_at,
 * released_at), so a snapshot stays cheap enough to ask for on every live event.
 */
public final class DashboardService {
    /** Hours of throughput shown, the running hour included. */
    public static final int HOURS = 24;

    private static final String AT_GATE = "('IN_PROGRESS', 'HELD', 'READY_TO_RELEASE')";
    private static final int MAX_OVERSTAYS = 50;

    private final Transactions tx;
    private final CrossingQueries queries;
    private final Clock clock;

    public DashboardService(Transactions tx, CrossingQueries queries, Clock clock) {
        this.tx = tx;
        this.queries = queries;
        this.clock = clock;
    }

    /** A snapshot now; the cameras come from whoever runs them (none in a server without cameras). */
    public DashboardDto snapshot(List<CameraMetricsDto> cameras) {
        Instant now = clock.instant();
        Counts counts = tx.read(session -> session.doReturningWork(c -> counts(c, now)));
        List<OverstayAlertDto> overstays = queries.overstays();
        long waiting = counts.yards.stream().mapToLong(YardWaitingDto::waiting).sum() + counts.withoutYard;
        return new DashboardDto(
                counts.site.code(),
                counts.site.nameVi(),
                counts.site.nameEn(),
                counts.site.thresholds().levelOf(waiting),
                waiting,
                counts.site.thresholds(),
                counts.yards,
                counts.throughput,
                counts.backlog,
                overstays.subList(0, Math.min(MAX_OVERSTAYS, overstays.size())),
                List.copyOf(cameras),
                now);
    }

    private record Counts(
            GateSite site,
            List<YardWaitingDto> yards,
            long withoutYard,
            List<HourCount> throughput,
            List<StepBacklog> backlog) {}

    private static Counts counts(Connection c, Instant now) throws SQLException {
        Map<String, Long> byYard = new HashMap<>();
        long withoutYard = 0;
        try (PreparedStatement s = c.prepareStatement(
                        "SELECT yard_code, COUNT(*) FROM crossing WHERE status IN " + AT_GATE + " GROUP BY yard_code");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                if (r.getString(1) == null) {
                    withoutYard += r.getLong(2);
                } else {
                    byYard.put(r.getString(1), r.getLong(2));
                }
            }
        }
        List<YardWaitingDto> yards = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT code, name, capacity FROM yard ORDER BY code");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                yards.add(new YardWaitingDto(
                        r.getString(1), r.getString(2), byYard.getOrDefault(r.getString(1), 0L), r.getInt(3)));
            }
        }
        // a yard code no yard row knows still waits at the gate
        for (Map.Entry<String, Long> e : byYard.entrySet()) {
            if (yards.stream().noneMatch(y -> y.code().equals(e.getKey()))) {
                withoutYard += e.getValue();
            }
        }
        return new Counts(GateSite.read(c), List.copyOf(yards), withoutYard, throughput(c, now), backlog(c));
    }

    private static List<HourCount> throughput(Connection c, Instant now) throws SQLException {
        Instant from = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(HOURS - 1));
        long[] arrived = perHour(c, "arrived_at", from, now);
        long[] released = perHour(c, "released_at", from, now);
        List<HourCount> hours = new ArrayList<>(HOURS);
        for (int h = 0; h < HOURS; h++) {
            hours.add(new HourCount(from.plus(Duration.ofHours(h)), arrived[h], released[h]));
        }
        return List.copyOf(hours);
    }

    private static long[] perHour(Connection c, String column, Instant from, Instant now) throws SQLException {
        long[] counts = new long[HOURS];
        // grouped in a derived table: Derby groups by a named column, not by an expression
        try (PreparedStatement s = c.prepareStatement("SELECT h, COUNT(*) FROM (SELECT {fn TIMESTAMPDIFF(SQL_TSI_HOUR,"
                + " ?, " + column + ")} AS h FROM crossing WHERE " + column + " >= ? AND " + column
                + " <= ?) x GROUP BY h")) {
            s.setTimestamp(1, utc(from));
            s.setTimestamp(2, utc(from));
            s.setTimestamp(3, utc(now));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int h = r.getInt(1);
                    if (h >= 0 && h < HOURS) {
                        counts[h] += r.getLong(2);
                    }
                }
            }
        }
        return counts;
    }

    private static List<StepBacklog> backlog(Connection c) throws SQLException {
        OpenSteps open = OpenSteps.atGate(c);
        List<StepBacklog> backlog = new ArrayList<>();
        for (Step step : Step.values()) {
            backlog.add(new StepBacklog(step, step.agency(), open.pending(step), open.held(step)));
        }
        return List.copyOf(backlog);
    }

    /** Stored times are UTC wall times. */
    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
