package vn.bordergate.server.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Puts a backup back as the gate's database, with the server stopped: Derby's {@code restoreFrom=} replaces
 * {@code <data>/db} by the backup's copy. The database it replaces is first moved aside (kept, not deleted),
 * so a wrong choice of backup can be undone.
 */
public final class DatabaseRestore {
    private DatabaseRestore() {}

    /**
     * @param backup a backup folder (the one holding {@code db/}) or the {@code db} folder inside it
     * @return where the replaced database was moved, or null when there was none
     */
    public static Path restore(Path dataDir, Path backup) {
        Path source =
                backup.getFileName() != null && backup.getFileName().toString().equals(DatabaseBackups.DATABASE)
                        ? backup
                        : backup.resolve(DatabaseBackups.DATABASE);
        if (!Files.isRegularFile(source.resolve("service.properties"))) {
            throw new IllegalArgumentException(
                    backup + " is not a BorderGate database backup (no " + source.resolve("service.properties") + ")");
        }
        Path database = dataDir.toAbsolutePath().resolve(DatabaseBackups.DATABASE);
        Path aside = null;
        try {
            Files.createDirectories(dataDir);
            if (Files.exists(database)) {
                aside = dataDir.toAbsolutePath()
                        .resolve(DatabaseBackups.DATABASE + ".before-restore-" + System.currentTimeMillis());
                Files.move(database, aside);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the current database aside: " + e.getMessage(), e);
        }
        String url = "jdbc:derby:" + database + ";restoreFrom=" + source.toAbsolutePath();
        try {
            DriverManager.getConnection(url).close();
        } catch (SQLException e) {
            throw new IllegalStateException("the restore failed: " + e.getMessage(), e);
        } finally {
            shutdown(database);
        }
        return aside;
    }

    private static void shutdown(Path database) {
        try {
            DriverManager.getConnection("jdbc:derby:" + database + ";shutdown=true")
                    .close();
        } catch (SQLException e) {
            // 08006: shut down as asked
        }
    }
}
