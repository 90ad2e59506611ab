package vn.bordergate.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import vn.bordergate.common.dto.HealthDto;
import vn.bordergate.server.persistence.GateDatabase;
import vn.bordergate.server.service.GateException;

/** The steps and checks around {@link GateServer#start}: logging, the data directory, readiness. */
final class ServerStartup {
    private static final Logger LOG = LoggerFactory.getLogger(GateServer.class);

    private ServerStartup() {}

    static void routeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            // Liquibase and Jersey log through java.util.logging: send it to the same log as the rest
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    static void createDataDir(ServerOptions options) {
        try {
            Files.createDirectories(options.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + options.dataDir(), e);
        }
    }

    static HealthDto ready(HealthDto health) {
        if (!"UP".equals(health.status())) {
            throw GateException.unavailable("the gate server is starting: try again in a moment");
        }
        return health;
    }

    static GateDatabase opened(CompletableFuture<GateDatabase> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Compiling the slip template takes a second or more: done now, in the background, not on the first print. */
    static void prepareDocuments(GateServices services) {
        Thread prepare = daemon("document-templates", () -> {
            try {
                services.slips.prepare();
                // the first queue ticket also loads the fonts: rendered once here, not while a driver waits
                services.kiosk.warmUpTickets();
            } catch (RuntimeException e) {
                LOG.warn("the slip template did not compile ahead of use: {}", e.getMessage());
            }
        });
        prepare.setPriority(Thread.MIN_PRIORITY);
        prepare.start();
    }
}
