package vn.bordergate.server;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.bordergate.server.anpr.AnprCommand;
import vn.bordergate.server.persistence.DatabaseUnavailableException;

/** {@code java -jar bordergate-server.jar --port P --data DIR [--demo]}: runs the gate server until stopped. */
@Command(
        name = "bordergate-server",
        mixinStandardHelpOptions = true,
        versionProvider = GateServerMain.Version.class,
        subcommands = {AnprCommand.class},
        description = "Runs the BorderGate gate server: REST + WebSocket API over an embedded Derby database.")
public final class GateServerMain implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE})")
    int port;

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
        if (data == null) {
            System.err.println("bordergate-server: --data DIR is required (the gate's database lives there)");
            return 2;
        }
        String listen = host != null ? host : demo ? "127.0.0.1" : "0.0.0.0";
        if (keepPlateImages < 1) {
            System.err.println("bordergate-server: --keep-plate-images must be at least 1 day");
            return 2;
        }
        ServerOptions options = new ServerOptions(
                listen,
                port,
                data,
                demo,
                initAdmin,
                System.getenv("BORDERGATE_INIT_ADMIN_PASSWORD"),
                !noCameras,
                keepPlateImages);
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

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"bordergate-server " + GateServer.version()};
        }
    }
}
