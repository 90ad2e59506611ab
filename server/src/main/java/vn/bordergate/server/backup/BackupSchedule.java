package vn.bordergate.server.backup;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily backup at a fixed time of day, on a thread of its own: a backup of a large database takes
 * minutes, which must not hold up the gate's other scheduled work.
 */
public final class BackupSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackupSchedule.class);

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gate-backup");
        t.setDaemon(true);
        return t;
    });

    public BackupSchedule(DatabaseBackups backups, LocalTime at, Clock clock) {
        long first = untilNext(at, clock).toMillis();
        thread.scheduleAtFixedRate(
                () -> {
                    try {
                        backups.backUp();
                    } catch (RuntimeException e) {
                        LOG.error("scheduled backup failed: {}", e.getMessage());
                    }
                },
                first,
                TimeUnit.DAYS.toMillis(1),
                TimeUnit.MILLISECONDS);
        LOG.info("daily backup at {} (next in {} min)", at, first / 60_000);
    }

    static Duration untilNext(LocalTime at, Clock clock) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime next = now.with(at);
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        return Duration.between(now, next);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
