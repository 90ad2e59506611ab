package vn.bordergate.server;

import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.server.backup.BackupSchedule;
import vn.bordergate.server.lanes.LaneSetup;
import vn.bordergate.server.persistence.GateDatabase;
import vn.bordergate.server.service.RequestValidator;

/**
 * The order the gate server's parts stop in: the cameras, the plate-read writer, the declaration writer,
 * Jetty (gracefully), then the database. Each step is there so nothing acknowledged is lost: see the
 * comments on the writers.
 */
final class GateShutdown {
    private static final Logger LOG = LoggerFactory.getLogger(GateServer.class);

    private final BackupSchedule backupSchedule;
    private final LaneSetup lanes;
    private final GateServices services;
    private final GateBootstrap bootstrap;
    private final Server jetty;
    private final ScheduledExecutorService scheduler;
    private final RequestValidator validator;
    private final GateDatabase database;

    GateShutdown(
            BackupSchedule backupSchedule,
            LaneSetup lanes,
            GateServices services,
            GateBootstrap bootstrap,
            Server jetty,
            ScheduledExecutorService scheduler,
            RequestValidator validator,
            GateDatabase database) {
        this.backupSchedule = backupSchedule;
        this.lanes = lanes;
        this.services = services;
        this.bootstrap = bootstrap;
        this.jetty = jetty;
        this.scheduler = scheduler;
        this.validator = validator;
        this.database = database;
    }

    void stop() {
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
}
