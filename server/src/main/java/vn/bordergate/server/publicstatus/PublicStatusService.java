package vn.bordergate.server.publicstatus;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.bordergate.common.dto.PublicStatusDto;
import vn.bordergate.common.dto.YardWaitingDto;
import vn.bordergate.server.persistence.Transactions;

/**
 * The public congestion figures: counts and an average only, never a plate or a name. Computed at most
 * once per {@code cacheFor} whoever asks (anyone may, without a token), so the public cannot load the
 * database; every caller in between gets the same answer.
 */
public final class PublicStatusService {
    private static final String AT_GATE = "('IN_PROGRESS', 'HELD', 'READY_TO_RELEASE')";

    private final Transactions tx;
    private final Clock clock;
    private final Duration cacheFor;
    private PublicStatusDto cached;
    private Instant cachedAt = Instant.MIN;

    public PublicStatusService(Transactions tx, Clock clock, Duration cacheFor) {
        this.tx = tx;
        this.clock = clock;
        this.cacheFor = cacheFor;
    }

    public synchronized PublicStatusDto status() {
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(cachedAt.plus(cacheFor)) || now.isBefore(cachedAt)) {
            cached = tx.read(session -> session.doReturningWork(c -> compute(c, now)));
            cachedAt = now;
        }
        return cached;
    }

    private static PublicStatusDto compute(Connection c, Instant now) throws SQLException {
        GateSite site = GateSite.read(c);
        Map<String, Long> byYard = new HashMap<>();
        long waiting = 0;
        try (PreparedStatement s = c.prepareStatement(
                        "SELECT yard_code, COUNT(*) FROM crossing WHERE status IN " + AT_GATE + " GROUP BY yard_code");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                waiting += r.getLong(2);
                if (r.getString(1) != null) {
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
        Long averageWait = null;
        try (PreparedStatement s =
                c.prepareStatement("SELECT AVG(CAST({fn TIMESTAMPDIFF(SQL_TSI_SECOND, arrived_at, ?)}"
                        + " AS DOUBLE)) FROM crossing WHERE status IN " + AT_GATE + " AND arrived_at IS NOT NULL")) {
            s.setTimestamp(1, utc(now));
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    double seconds = r.getDouble(1);
                    averageWait = r.wasNull() ? null : Math.max(0, Math.round(seconds / 60));
                }
            }
        }
        long released;
        try (PreparedStatement s =
                c.prepareStatement("SELECT COUNT(*) FROM crossing WHERE released_at > ? AND released_at <= ?")) {
            s.setTimestamp(1, utc(now.minus(Duration.ofHours(1))));
            s.setTimestamp(2, utc(now));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                released = r.getLong(1);
            }
        }
        return new PublicStatusDto(
                site.code(),
                site.nameVi(),
                site.nameEn(),
                site.thresholds().levelOf(waiting),
                waiting,
                List.copyOf(yards),
                averageWait,
                released,
                now,
                site.thresholds());
    }

    /** Stored times are UTC wall times. */
    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
