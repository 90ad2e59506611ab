package vn.bordergate.server;

import java.nio.file.Path;
import vn.bordergate.server.ops.Operations;

/**
 * How to start a gate server.
 *
 * @param host the address to listen on: the station network's interface on a gate host, loopback in demo
 * @param port 0 picks a free port (tests)
 * @param initialAdmin with {@code initialAdminPassword}: the administrator to create on a first start
 * @param laneCameras start the lane cameras and plate recognition (configured cameras; simulated ones
 *     with {@code demo}); tests that only need the API leave them off
 * @param plateImageDays days of plate crops and snapshots kept in {@code dataDir/plate-reads}
 * @param operations HTTPS, backups, log files and metrics access: the gate host's configuration file
 */
public record ServerOptions(
        String host,
        int port,
        Path dataDir,
        boolean demo,
        String initialAdmin,
        String initialAdminPassword,
        boolean laneCameras,
        int plateImageDays,
        Operations operations) {
    public static final int DEFAULT_PLATE_IMAGE_DAYS = 30;

    public ServerOptions {
        operations = operations == null ? Operations.defaults() : operations;
    }

    public ServerOptions(
            String host,
            int port,
            Path dataDir,
            boolean demo,
            String initialAdmin,
            String initialAdminPassword,
            boolean laneCameras) {
        this(
                host,
                port,
                dataDir,
                demo,
                initialAdmin,
                initialAdminPassword,
                laneCameras,
                DEFAULT_PLATE_IMAGE_DAYS,
                Operations.defaults());
    }

    /** Without lane cameras. */
    public ServerOptions(
            String host, int port, Path dataDir, boolean demo, String initialAdmin, String initialAdminPassword) {
        this(host, port, dataDir, demo, initialAdmin, initialAdminPassword, false);
    }

    public static ServerOptions embedded(Path dataDir, boolean demo) {
        return new ServerOptions("127.0.0.1", 0, dataDir, demo, null, null);
    }

    public ServerOptions withLaneCameras() {
        return new ServerOptions(
                host, port, dataDir, demo, initialAdmin, initialAdminPassword, true, plateImageDays, operations);
    }

    public ServerOptions withOperations(Operations operations) {
        return new ServerOptions(
                host, port, dataDir, demo, initialAdmin, initialAdminPassword, laneCameras, plateImageDays, operations);
    }

    public ServerOptions withPlateImageDays(int days) {
        return new ServerOptions(
                host, port, dataDir, demo, initialAdmin, initialAdminPassword, laneCameras, days, operations);
    }
}
