package vn.bordergate.server.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.dto.BackupDto;

/**
 * Online backups of the embedded Derby database: {@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE} copies the
 * database and its log while the gate keeps serving, so a backup holds every transaction committed before it
 * began. Each backup is a folder named by its UTC start time; only the newest {@code keep} are kept.
 */
public final class DatabaseBackups {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBackups.class);
    /** Sortable and valid on every file system: no colons. */
    static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** The database folder's name under the data directory, which Derby repeats inside each backup. */
    public static final String DATABASE = "db";

    private final Path database;
    private final Path backupDir;
    private final int keep;
    private final Clock clock;
    /** One backup at a time: Derby would run a second one anyway, but twice the I/O helps nobody. */
    private final ReentrantLock running = new ReentrantLock();

    public DatabaseBackups(Path dataDir, Path backupDir, int keep, Clock clock) {
        this.database = dataDir.toAbsolutePath().resolve(DATABASE);
        this.backupDir = backupDir.toAbsolutePath();
        this.keep = keep;
        this.clock = clock;
    }

    /** Takes a backup now (blocks for as long as the copy takes) and prunes old ones. */
    public BackupDto backUp() {
        running.lock();
        try {
            Instant started = clock.instant();
            Path target = backupDir.resolve(NAME.format(started));
            Files.createDirectories(target);
            // a connection of its own: in the server's JVM Derby gives another one to the booted database
            try (Connection connection = DriverManager.getConnection("jdbc:derby:" + database);
                    CallableStatement call = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                call.setString(1, target.toString());
                call.execute();
            }
            BackupDto backup = describe(target, started, clock.instant());
            LOG.info("database backed up to {} ({} bytes)", target, backup.bytes());
            prune();
            return backup;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backup under " + backupDir + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("the database backup failed: " + e.getMessage(), e);
        } finally {
            running.unlock();
        }
    }

    /** The backups there are, newest first. */
    public List<BackupDto> list() {
        return folders().map(f -> describe(f, startOf(f), lastModified(f))).toList();
    }

    private Stream<Path> folders() {
        if (!Files.isDirectory(backupDir)) {
            return Stream.empty();
        }
        try (Stream<Path> children = Files.list(backupDir)) {
            return children
                    .filter(f -> Files.isDirectory(f.resolve(DATABASE)) && startOf(f) != null)
                    .sorted(Comparator.comparing(Path::getFileName).reversed())
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the backups in " + backupDir, e);
        }
    }

    private void prune() {
        folders().skip(keep).forEach(old -> {
            deleteTree(old);
            LOG.info("old backup {} deleted (keeping {})", old.getFileName(), keep);
        });
    }

    private static Instant startOf(Path folder) {
        try {
            return Instant.from(NAME.parse(folder.getFileName().toString()));
        } catch (RuntimeException e) {
            return null; // not one of ours
        }
    }

    private static BackupDto describe(Path folder, Instant started, Instant finished) {
        return new BackupDto(folder.getFileName().toString(), folder.toString(), started, finished, size(folder));
    }

    private static Instant lastModified(Path folder) {
        try {
            return Files.getLastModifiedTime(folder).toInstant();
        } catch (IOException e) {
            return null;
        }
    }

    private static long size(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        } catch (IOException e) {
            return -1;
        }
    }

    static void deleteTree(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", folder, e.getMessage());
        }
    }
}
