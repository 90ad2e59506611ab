package vn.bordergate.server;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.bordergate.server.anpr.AnprCommand;
import vn.bordergate.server.ops.BackupCommand;
import vn.bordergate.server.ops.GateConfig;
import vn.bordergate.server.ops.LogFiles;
import vn.bordergate.server.ops.Operations;
import vn.bordergate.server.ops.RestoreCommand;
import vn.bordergate.server.persistence.DatabaseUnavailableException;

/**
 * {@code bordergate-server [--config FILE] --port P --data DIR [--demo]}: runs the gate server until stopped.
 * Options given on the command line win over the configuration file's keys.
 */
@Command(
        name = "bordergate-server",
        mixinStandardHelpOptions = true,
        versionProvider = GateServerMain.Version.class,
        subcommands = {AnprCommand.class, BackupCommand.class, RestoreCommand.class},
        description = "Runs the BorderGate gate server: REST + WebSocket API over an embedded Derby database.")
public final class GateServerMain implements Callable<Integer> {
    @Option(
            names = "--config",
            description = "configuration file (e.g. /etc/bordergate/gate.conf): see docs/install.md")
    Path config;

    @Option(names = "--port", description = "HTTP port (default 8080)")
    Integer port;

    @Option(names = "--host", description = "address to listen on (default 0.0.0.0; 127.0.0.1 with --demo)")
    String host;

    // validated in call(), not by picocli: subcommands such as anpr need no data directory
    @Option(names = "--data", description = "data directory (database, token key, images); required to serve")
    Path data;

    @Option(names = "--demo", description = "generate a demo day at Huu Nghi on first start, with demo accounts")
    boolean demo;

    @Option(names = "--no-cameras", description = "do not start the lane cameras and plate recognition")
    boolean noCameras;

    @Option(
            names = "--keep-plate-images",
            paramLabel = "DAYS",
            defaultValue = "" + ServerOptions.DEFAULT_PLATE_IMAGE_DAYS,
            description = "days of plate crops and snapshots kept under DIR/plate-reads (default ${DEFAULT-VALUE})")
    int keepPlateImages;

    @Option(
            names = "--init-admin",
            description = "on a first start, create this administrator; password from BORDERGATE_INIT_ADMIN_PASSWORD")
    String initAdmin;

    public static void main(String[] args) {
        System.exit(new CommandLine(new GateServerMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            System.err.println("bordergate-server: " + e.getMessage());
            return 2;
        }
        if (options == null) {
            System.err.println("bordergate-server: --data DIR (or data.dir in --config) is required"
                    + " (the gate's database lives there)");
            return 2;
        }
        if (LogFiles.attach(options.operations().logDir(), System.getenv("JOURNAL_STREAM") != null)) {
            System.err.println(
                    "bordergate-server: logging to " + options.operations().logDir());
        }
        GateServer server;
        try {
            server = GateServer.start(options, Clock.systemUTC());
        } catch (DatabaseUnavailableException | IllegalStateException | java.io.UncheckedIOException e) {
            System.err.println("bordergate-server: " + e.getMessage());
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "gate-shutdown"));
        server.join();
        return 0;
    }

    /** The command line over the configuration file; null when no data directory is given anywhere. */
    public ServerOptions options() {
        GateConfig file = config == null ? null : GateConfig.read(config);
        Path dataDir =
                data != null ? data : file == null ? null : file.dataDir().orElse(null);
        if (dataDir == null) {
            return null;
        }
        boolean isDemo = demo || (file != null && file.demo().orElse(false));
        String listen = host != null
                ? host
                : file != null && file.host().isPresent() ? file.host().get() : isDemo ? "127.0.0.1" : "0.0.0.0";
        int listenPort = port != null ? port : file == null ? 8080 : file.port().orElse(8080);
        boolean cameras = !noCameras && (file == null || file.camerasEnabled().orElse(true));
        Operations operations = file == null ? Operations.defaults() : file.operations();
        if (keepPlateImages < 1) {
            throw new IllegalArgumentException("--keep-plate-images must be at least 1 day");
        }
        return new ServerOptions(
                listen,
                listenPort,
                dataDir,
                isDemo,
                initAdmin,
                System.getenv("BORDERGATE_INIT_ADMIN_PASSWORD"),
                cameras,
                keepPlateImages,
                operations);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"bordergate-server " + GateServer.version()};
        }
    }
}
