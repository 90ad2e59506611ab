package vn.bordergate.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bordergate.common.dto.BackupDto;
import vn.bordergate.server.support.MutableClock;

class DatabaseBackupsTest {
    @TempDir
    Path data;

    @AfterEach
    void shutDown() {
        try {
            DriverManager.getConnection("jdbc:derby:" + data.resolve("db") + ";shutdown=true");
        } catch (SQLException expected) {
            // 08006: shut down
        }
    }

    @Test
    void keepsTheNewestBackupsOnlyAndListsThemNewestFirst() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + data.resolve("db") + ";create=true")) {
            c.createStatement().execute("create table t (n int)");
        }
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T02:30:00Z"));
        DatabaseBackups backups = new DatabaseBackups(data, data.resolve("backups"), 2, clock);
        for (int i = 0; i < 3; i++) {
            backups.backUp();
            clock.advance(Duration.ofDays(1));
        }
        List<BackupDto> kept = backups.list();
        assertThat(kept).extracting(BackupDto::name).containsExactly("20261124T023000.000Z", "20261123T023000.000Z");
        assertThat(kept).allSatisfy(b -> assertThat(b.bytes()).isPositive());
    }

    @Test
    void theDailyBackupWaitsForItsTimeOfDay() {
        Clock morning = Clock.fixed(Instant.parse("2026-11-22T01:00:00Z"), ZoneOffset.UTC);
        assertThat(BackupSchedule.untilNext(LocalTime.of(2, 30), morning)).isEqualTo(Duration.ofMinutes(90));
        Clock afternoon = Clock.fixed(Instant.parse("2026-11-22T15:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));
        // 22:00 in Lang Son: the next 02:30 there is 4 h 30 min away
        assertThat(BackupSchedule.untilNext(LocalTime.of(2, 30), afternoon)).isEqualTo(Duration.ofMinutes(270));
    }
}
