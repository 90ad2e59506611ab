package vn.bordergate.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.dto.HealthDto;
import vn.bordergate.common.json.GateJson;
import vn.bordergate.server.backup.BackupSchedule;
import vn.bordergate.server.backup.DatabaseBackups;
import vn.bordergate.server.events.EventHub;
import vn.bordergate.server.events.EventPublisher;
import vn.bordergate.server.lanes.LaneSetup;
import vn.bordergate.server.metrics.GateMetrics;
import vn.bordergate.server.ops.Operations;
import vn.bordergate.server.persistence.GateDatabase;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.security.TokenService;
import vn.bordergate.server.service.ConcurrentChanges;
import vn.bordergate.server.service.OverstayMonitor;
import vn.bordergate.server.service.RequestValidator;
import vn.bordergate.server.web.CameraPreviewServlet;
import vn.bordergate.server.web.EventSocketRoute;
import vn.bordergate.server.web.GateApi;

/**
 * The composition root: builds every part of the gate server with plain constructors, in one place,
 * and starts Jetty ({@link GateJetty}). Closing it stops the parts in {@link GateShutdown}'s order.
 */
public final class GateServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GateServer.class);
    /** A 12-hour shift: an officer signs in once per shift. */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private final Server jetty;
    private final EventHub hub;
    private final GateBootstrap bootstrap;
    private final GateServices services;
    private final LaneSetup lanes;
    private final GateShutdown shutdown;

    private GateServer(
            Server jetty,
            EventHub hub,
            GateBootstrap bootstrap,
            GateServices services,
            LaneSetup lanes,
            GateShutdown shutdown) {
        this.jetty = jetty;
        this.hub = hub;
        this.bootstrap = bootstrap;
        this.services = services;
        this.lanes = lanes;
        this.shutdown = shutdown;
    }

    public static GateServer start(ServerOptions options, Clock clock) {
        return start(options, clock, TOKEN_LIFETIME);
    }

    /**
     * As {@link #start(ServerOptions, Clock)} with bearer tokens that live {@code tokenLifetime}: tests of a
     * session expiring under a workstation use seconds instead of a shift.
     */
    public static GateServer start(ServerOptions options, Clock clock, Duration tokenLifetime) {
        ServerStartup.routeJavaUtilLogging();
        ServerStartup.createDataDir(options);
        Instant startedAt = clock.instant();
        String version = version();
        ObjectMapper json = GateJson.newMapper();
        long t0 = System.nanoTime();
        // the database (Derby, Liquibase, Hibernate: about 3 s) opens while Jetty and Jersey start
        CompletableFuture<GateDatabase> opening = CompletableFuture.supplyAsync(
                () -> GateDatabase.openEmbedded(options.dataDir()),
                r -> ServerStartup.daemon("gate-database-open", r).start());
        ScheduledExecutorService scheduler =
                Executors.newScheduledThreadPool(1, r -> ServerStartup.daemon("gate-scheduler", r));
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
                    GateApi.Services.of(() -> ServerStartup.ready(health.get()), services, lanes::metrics),
                    json,
                    version,
                    backups,
                    metrics);
            jetty = GateJetty.start(
                    options,
                    api,
                    new EventSocketRoute(hub, tokens),
                    new CameraPreviewServlet(tokens, lanes::preview, lanes::running),
                    json,
                    metrics);
            long tHttp = System.nanoTime();
            GateDatabase database = ServerStartup.opened(opening);
            long tDatabase = System.nanoTime();
            // statistics and plans follow growing tables from here, not from the requests (GateDatabase)
            database.keepPlanStatistics(Duration.ofSeconds(5), Duration.ofSeconds(60));
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
            metrics.declarationStages(services.declarations.stages());
            metrics.cameras(lanes::metrics);
            BackupSchedule backupSchedule =
                    ops.backupTime() == null ? null : new BackupSchedule(backups, ops.backupTime(), clock);
            health.set(new HealthDto("UP", version, startedAt, options.demo()));
            ServerStartup.prepareDocuments(services);
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
            GateShutdown shutdown =
                    new GateShutdown(backupSchedule, lanes, services, bootstrap, jetty, scheduler, validator, database);
            return new GateServer(jetty, hub, bootstrap, services, lanes, shutdown);
        } catch (RuntimeException e) {
            GateJetty.stopQuietly(jetty);
            scheduler.shutdownNow();
            validator.close();
            opening.thenAccept(GateDatabase::close);
            throw e;
        }
    }

    public URI uri() {
        return GateJetty.uri(jetty);
    }

    public int port() {
        return GateJetty.port(jetty);
    }

    /** The running Jetty, for tests of how its routes are mapped. */
    Server jetty() {
        return jetty;
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

    /** Stops the parts in {@link GateShutdown}'s order: cameras, plate-read writer, declaration writer, Jetty, database. */
    @Override
    public void close() {
        shutdown.stop();
    }

    static String version() {
        String v = GateServer.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
