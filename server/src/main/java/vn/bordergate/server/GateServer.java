package vn.bordergate.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.server.config.JettyWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.servlet.ServletContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import vn.bordergate.common.dto.HealthDto;
import vn.bordergate.common.json.GateJson;
import vn.bordergate.server.backup.BackupSchedule;
import vn.bordergate.server.backup.DatabaseBackups;
import vn.bordergate.server.events.EventHub;
import vn.bordergate.server.events.EventPublisher;
import vn.bordergate.server.lanes.LaneSetup;
import vn.bordergate.server.metrics.GateMetrics;
import vn.bordergate.server.metrics.LoopbackMetricsServlet;
import vn.bordergate.server.metrics.RequestTiming;
import vn.bordergate.server.ops.Operations;
import vn.bordergate.server.ops.Tls;
import vn.bordergate.server.persistence.GateDatabase;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.security.TokenService;
import vn.bordergate.server.service.ConcurrentChanges;
import vn.bordergate.server.service.GateException;
import vn.bordergate.server.service.OverstayMonitor;
import vn.bordergate.server.service.RequestValidator;
import vn.bordergate.server.web.CameraPreviewServlet;
import vn.bordergate.server.web.EventSocketRoute;
import vn.bordergate.server.web.GateApi;
import vn.bordergate.server.web.HeaderSyntaxFilter;
import vn.bordergate.server.web.JsonErrorHandler;
import vn.bordergate.server.web.RequestSizeLimit;

/**
 * The composition root: builds every part of the gate server with plain constructors, in one place,
 * and starts Jetty. Closing it stops Jetty, the background work and the database, in that order.
 */
public final class GateServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GateServer.class);
    /** Larger bodies are refused before they are read: 1 MB holds a declaration with hundreds of goods lines. */
    static final long MAX_REQUEST_BYTES = 1024 * 1024;
    /** A refused body is read and dropped up to this much, so its sender gets the 413 instead of a reset. */
    static final long MAX_DRAINED_BYTES = 64L * 1024 * 1024;
    /**
     * How long a stopping Jetty waits for requests in flight: they are short once the writers are closed (a
     * plate read's arrival decisions, a declaration's answer); a request still running then is cut off.
     */
    static final long STOP_TIMEOUT_MILLIS = 10_000;
    /** A 12-hour shift: an officer signs in once per shift. */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private final Server jetty;
    private final ScheduledExecutorService scheduler;
    private final GateDatabase database;
    private final RequestValidator validator;
    private final EventHub hub;
    private final GateBootstrap bootstrap;
    private final GateServices services;
    private final LaneSetup lanes;
    private final BackupSchedule backupSchedule;

    private GateServer(
            Server jetty,
            ScheduledExecutorService scheduler,
            GateDatabase database,
            RequestValidator validator,
            EventHub hub,
            GateBootstrap bootstrap,
            GateServices services,
            LaneSetup lanes,
            BackupSchedule backupSchedule) {
        this.backupSchedule = backupSchedule;
        this.services = services;
        this.lanes = lanes;
        this.jetty = jetty;
        this.bootstrap = bootstrap;
        this.scheduler = scheduler;
        this.database = database;
        this.validator = validator;
        this.hub = hub;
    }

    public static GateServer start(ServerOptions options, Clock clock) {
        return start(options, clock, TOKEN_LIFETIME);
    }

    /**
     * As {@link #start(ServerOptions, Clock)} with bearer tokens that live {@code tokenLifetime}: tests of a
     * session expiring under a workstation use seconds instead of a shift.
     */
    public static GateServer start(ServerOptions options, Clock clock, Duration tokenLifetime) {
        if (!SLF4JBridgeHandler.isInstalled()) {
            // Liquibase and Jersey log through java.util.logging: send it to the same log as the rest
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        createDataDir(options);
        Instant startedAt = clock.instant();
        String version = version();
        ObjectMapper json = GateJson.newMapper();
        long t0 = System.nanoTime();
        // the database (Derby, Liquibase, Hibernate: about 3 s) opens while Jetty and Jersey start
        CompletableFuture<GateDatabase> opening = CompletableFuture.supplyAsync(
                () -> GateDatabase.openEmbedded(options.dataDir()),
                r -> daemon("gate-database-open", r).start());
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, r -> daemon("gate-scheduler", r));
        RequestValidator validator = new RequestValidator();
        Server jetty = null;
        try {
            Transactions tx = new Transactions(
                    opening.thenApply(GateDatabase::sessionFactory),
                    ConcurrentChanges::translate,
                    ConcurrentChanges::translateRead);
            EventHub hub = new EventHub(json, clock);
            TokenService tokens =
                    new TokenService(TokenService.loadOrCreateKey(options.dataDir()), clock, tokenLifetime);
            GateServices services = new GateServices(
                    tx, validator, json, hub, scheduler, tokens, clock, options.dataDir(), options.plateImageDays());
            GateBootstrap bootstrap = new GateBootstrap(services, clock);

            AtomicReference<HealthDto> health =
                    new AtomicReference<>(new HealthDto("STARTING", version, startedAt, options.demo()));
            LaneSetup lanes = new LaneSetup();
            lanes.overrideSources(options.operations().cameraSources());
            Operations ops = options.operations();
            DatabaseBackups backups =
                    new DatabaseBackups(options.dataDir(), ops.backupDir(options.dataDir()), ops.backupKeep(), clock);
            GateMetrics metrics = new GateMetrics();
            GateApi api = new GateApi(
                    GateApi.Services.of(() -> ready(health.get()), services, lanes::metrics),
                    json,
                    version,
                    backups,
                    metrics);
            jetty = jetty(
                    options,
                    api,
                    new EventSocketRoute(hub, tokens),
                    new CameraPreviewServlet(tokens, lanes::preview, lanes::running),
                    json,
                    metrics);
            long tHttp = System.nanoTime();
            GateDatabase database = opened(opening);
            long tDatabase = System.nanoTime();
            bootstrap.prepare(options);
            if (options.laneCameras()) {
                lanes.begin(
                        options.demo(),
                        options.dataDir(),
                        services.reference,
                        services.crossingQueries,
                        services.plateReads,
                        hub,
                        bootstrap::awaitDemoDay);
            }
            metrics.crossingQueue(services.queue::summary);
            metrics.eventSubscribers(hub::subscriberCount);
            metrics.declarationBatchesReplayed(services.declarations::batchesReplayed);
            metrics.cameras(lanes::metrics);
            BackupSchedule backupSchedule =
                    ops.backupTime() == null ? null : new BackupSchedule(backups, ops.backupTime(), clock);
            health.set(new HealthDto("UP", version, startedAt, options.demo()));
            // compiling the slip template takes a second or more: do it now, in the background, not on the first print
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
            scheduler.scheduleWithFixedDelay(
                    new OverstayMonitor(services.crossingQueries, hub), 5, 60, TimeUnit.SECONDS);
            long tReady = System.nanoTime();
            LOG.info(
                    "gate server {} listening on {} (data in {}{}); ready in {} ms: HTTP {} ms, database {} ms"
                            + " (in parallel), first-start data {} ms",
                    version,
                    jetty.getURI(),
                    options.dataDir().toAbsolutePath(),
                    options.demo() ? ", demo" : "",
                    (tReady - t0) / 1_000_000,
                    (tHttp - t0) / 1_000_000,
                    (tDatabase - t0) / 1_000_000,
                    (tReady - tDatabase) / 1_000_000);
            return new GateServer(
                    jetty, scheduler, database, validator, hub, bootstrap, services, lanes, backupSchedule);
        } catch (RuntimeException e) {
            stopQuietly(jetty);
            scheduler.shutdownNow();
            validator.close();
            opening.thenAccept(GateDatabase::close);
            throw e;
        }
    }

    private static HealthDto ready(HealthDto health) {
        if (!"UP".equals(health.status())) {
            throw GateException.unavailable("the gate server is starting: try again in a moment");
        }
        return health;
    }

    private static GateDatabase opened(CompletableFuture<GateDatabase> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void stopQuietly(Server jetty) {
        if (jetty != null) {
            try {
                jetty.stop();
            } catch (Exception ignored) {
                // already failing: the start failure is the one worth reporting
            }
        }
    }

    private static Server jetty(
            ServerOptions options,
            GateApi api,
            EventSocketRoute events,
            CameraPreviewServlet previews,
            ObjectMapper json,
            GateMetrics metrics) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8, 60_000);
        metrics.jetty(threads);
        Server server = new Server(threads);
        server.setStopAtShutdown(false);
        ServerConnector connector = Tls.connector(server, options.operations());
        connector.setHost(options.host());
        connector.setPort(options.port());
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder("gate-api", new ServletContainer(api)), "/*");
        context.addServlet(new ServletHolder("camera-preview", previews), "/api/cameras/preview/*");
        if (options.operations().metricsAccess() == Operations.MetricsAccess.LOOPBACK) {
            context.addServlet(new ServletHolder("metrics", new LoopbackMetricsServlet(metrics)), "/metrics");
        }
        context.addFilter(
                new FilterHolder(new RequestTiming(metrics.registry())), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(
                new FilterHolder(new RequestSizeLimit(MAX_REQUEST_BYTES, MAX_DRAINED_BYTES, json)),
                "/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new HeaderSyntaxFilter(json)), "/*", EnumSet.of(DispatcherType.REQUEST));
        JettyWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
            container.setIdleTimeout(Duration.ofMinutes(30));
            container.setMaxTextMessageSize(64 * 1024);
            container.addMapping("/api/events", events);
        });
        context.setErrorHandler(new JsonErrorHandler(json));

        // a graceful stop: requests in flight when Jetty stops (a plate read or declaration the writers
        // finished at close, still doing its post-commit work) complete and are answered before the
        // connections close; new requests then get 503
        server.setHandler(new GracefulHandler(context));
        server.setStopTimeout(STOP_TIMEOUT_MILLIS);
        server.setErrorHandler(new JsonErrorHandler(json));
        try {
            server.start();
            return server;
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // already failing: the start failure is the one worth reporting
            }
            throw new IllegalStateException(
                    "the gate server cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage(),
                    e);
        }
    }

    public URI uri() {
        String scheme = jetty.getConnectors()[0].getProtocols().contains("ssl") ? "https" : "http";
        return URI.create(scheme + "://" + host() + ":" + port());
    }

    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    private String host() {
        String host = ((ServerConnector) jetty.getConnectors()[0]).getHost();
        return host == null || host.equals("0.0.0.0") ? "127.0.0.1" : host;
    }

    /** The lane cameras, once started (they start in the background). */
    public LaneSetup lanes() {
        return lanes;
    }

    /** The running server's services, for the parts wired beside the API (camera lanes) and for tests. */
    public GateServices services() {
        return services;
    }

    /** Where events are published to every subscribed workstation (benchmarks and fault tests publish through it). */
    public EventPublisher events() {
        return hub;
    }

    public int eventSubscribers() {
        return hub.subscriberCount();
    }

    /** With {@code --demo}: blocks until the demo day's trips, generated in the background, are all in. */
    public void awaitDemoDay() throws InterruptedException {
        bootstrap.awaitDemoDay();
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() {
        if (backupSchedule != null) {
            backupSchedule.close();
        }
        lanes.close();
        // after the cameras, before Jetty stops: reads sent now get 503 (cameras send them again) while Jetty
        // still answers, and a batch being written is committed and answered before the database closes
        services.plateReads.close(10_000);
        services.plateImages.close(); // after the cameras: their last passes' pictures are still written
        try {
            bootstrap.stopDemoDay();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // before Jetty stops: new declarations get 503 while it still answers, those being written their 201
        services.declarations.close(10_000);
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("Jetty did not stop cleanly: {}", e.getMessage());
        }
        scheduler.shutdownNow();
        validator.close();
        database.close();
        LOG.info("gate server stopped");
    }

    private static void createDataDir(ServerOptions options) {
        try {
            Files.createDirectories(options.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + options.dataDir(), e);
        }
    }

    static String version() {
        String v = GateServer.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
