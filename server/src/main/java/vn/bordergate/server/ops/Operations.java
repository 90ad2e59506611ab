package vn.bordergate.server.ops;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Map;

/**
 * How a gate host runs the server beyond the API: HTTPS, backups, log files, who reads metrics and
 * site overrides of camera streams. Comes from the configuration file ({@code --config}); tests and the
 * embedded workstation server use {@link #defaults()}.
 *
 * @param tlsKeystore a PKCS#12 keystore with the host's key and certificate; null serves plain HTTP
 * @param backupDir where backups go; null means {@code <data>/backups}
 * @param backupTime the daily scheduled backup (host time zone); null for none
 * @param backupKeep how many backups to keep (at least 1)
 * @param logDir rolling log files there besides the console; null for the console only (journald)
 * @param cameraSources camera code to stream address, overriding the address stored in the database
 */
public record Operations(
        Path tlsKeystore,
        String tlsPassword,
        Path backupDir,
        LocalTime backupTime,
        int backupKeep,
        Path logDir,
        MetricsAccess metricsAccess,
        Map<String, String> cameraSources) {
    public Operations {
        if (backupKeep < 1) {
            throw new IllegalArgumentException("backup.keep must be at least 1, not " + backupKeep);
        }
        if (tlsKeystore != null && tlsPassword == null) {
            throw new IllegalArgumentException("tls.keystore is set but tls.keystore.password is missing");
        }
        cameraSources = Map.copyOf(cameraSources);
    }

    /** Who may read the Prometheus metrics. */
    public enum MetricsAccess {
        /** An ADMINISTRATOR or SUPERVISOR token at {@code /api/metrics} only. */
        TOKEN,
        /** Also {@code /metrics} without a token, from this host's loopback address only. */
        LOOPBACK
    }

    public static Operations defaults() {
        return new Operations(null, null, null, null, 14, null, MetricsAccess.TOKEN, Map.of());
    }

    public Path backupDir(Path dataDir) {
        return backupDir != null ? backupDir : dataDir.resolve("backups");
    }
}
