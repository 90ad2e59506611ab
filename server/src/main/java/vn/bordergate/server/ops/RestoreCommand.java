package vn.bordergate.server.ops;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.bordergate.server.backup.DatabaseRestore;
import vn.bordergate.server.persistence.DatabaseUnavailableException;

/** {@code bordergate-server restore --data DIR --from BACKUP}: puts a backup back, with the server stopped. */
@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = "Replaces the gate's database by a backup (stop the server first: systemctl stop"
                + " bordergate-server). The replaced database is moved aside, not deleted.")
public final class RestoreCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "the server's data directory, e.g. /var/lib/bordergate")
    Path data;

    @Option(
            names = "--from",
            required = true,
            description = "a backup folder, e.g. /var/lib/bordergate/backups/20261122T023000.000Z")
    Path from;

    @Override
    public Integer call() {
        try {
            Path aside = DatabaseRestore.restore(data, from);
            System.out.println("restored " + from + " into " + data.resolve("db")
                    + (aside == null ? "" : "; the previous database is kept in " + aside));
            return 0;
        } catch (IllegalArgumentException | IllegalStateException | DatabaseUnavailableException e) {
            System.err.println("restore: " + e.getMessage());
            return 1;
        } catch (java.io.UncheckedIOException e) {
            System.err.println("restore: " + e.getMessage());
            return 1;
        }
    }
}
