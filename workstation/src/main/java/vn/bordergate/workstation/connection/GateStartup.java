package vn.bordergate.workstation.connection;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import vn.bordergate.server.GateServer;
import vn.bordergate.server.ServerOptions;

/**
 * Where the gate server is: a remote one at a known address, or one this workstation starts in-process
 * (Derby in the user's data directory, with the demo day and the demo lanes' simulated cameras) — the only class that touches the server
 * module. Starting takes a few seconds, so it happens in the background while the login screen shows.
 */
public final class GateStartup implements AutoCloseable {
    private final CompletableFuture<URI> address;
    private final Path embeddedData;
    private GateServer server;
    private boolean closed;

    private GateStartup(CompletableFuture<URI> address, Path embeddedData) {
        this.address = address;
        this.embeddedData = embeddedData;
    }

    /** A gate server that already runs at {@code uri}. */
    public static GateStartup remote(URI uri) {
        return new GateStartup(CompletableFuture.completedFuture(uri), null);
    }

    /** Starts a gate server with demo data in {@code dataDir}, listening on loopback only. */
    public static GateStartup embedded(Path dataDir, BackgroundWork work) {
        CompletableFuture<URI> address = new CompletableFuture<>();
        GateStartup startup = new GateStartup(address, dataDir);
        work.submit(startup::startEmbedded).whenComplete((uri, failure) -> {
            if (failure != null) {
                address.completeExceptionally(failure);
            } else {
                address.complete(uri);
            }
        });
        return startup;
    }

    private URI startEmbedded() {
        // the demo lanes' simulated cameras run too, so feeds and plate reads are live from the first start
        GateServer started =
                GateServer.start(ServerOptions.embedded(embeddedData, true).withLaneCameras(), Clock.systemUTC());
        synchronized (this) {
            if (closed) { // the window was closed while the server started
                started.close();
                throw new IllegalStateException("closed while starting");
            }
            server = started;
        }
        return started.uri();
    }

    /** Completes (on the ui executor for an embedded server) with the server's address, or fails. */
    public CompletableFuture<URI> address() {
        return address;
    }

    public boolean isEmbedded() {
        return embeddedData != null;
    }

    /** The embedded server's data directory, null for a remote server. */
    public Path embeddedData() {
        return embeddedData;
    }

    /** Stops the embedded server (its database is shut down cleanly); nothing for a remote one. */
    @Override
    public void close() {
        GateServer running;
        synchronized (this) {
            closed = true;
            running = server;
            server = null;
        }
        if (running != null) {
            running.close();
        }
    }
}
