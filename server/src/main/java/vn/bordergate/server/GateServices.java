package vn.bordergate.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import vn.bordergate.server.dashboard.DashboardService;
import vn.bordergate.server.documents.DocumentRenderer;
import vn.bordergate.server.documents.DocumentTemplates;
import vn.bordergate.server.documents.slip.CrossingSlipDocument;
import vn.bordergate.server.events.EventPublisher;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.publicstatus.PublicStatusService;
import vn.bordergate.server.reports.ReportRollups;
import vn.bordergate.server.reports.Reports;
import vn.bordergate.server.security.LoginThrottle;
import vn.bordergate.server.security.PasswordHasher;
import vn.bordergate.server.security.TokenService;
import vn.bordergate.server.service.AccountService;
import vn.bordergate.server.service.AuditLog;
import vn.bordergate.server.service.CrossingQueries;
import vn.bordergate.server.service.CrossingService;
import vn.bordergate.server.service.CrossingSlips;
import vn.bordergate.server.service.DeclarationAmendments;
import vn.bordergate.server.service.DeclarationAnnouncements;
import vn.bordergate.server.service.DeclarationCheck;
import vn.bordergate.server.service.DeclarationOpening;
import vn.bordergate.server.service.DeclarationRecords;
import vn.bordergate.server.service.DeclarationService;
import vn.bordergate.server.service.DeclarationSubmissions;
import vn.bordergate.server.service.DeclarationTransactions;
import vn.bordergate.server.service.DeclaredCrossings;
import vn.bordergate.server.service.EnterpriseService;
import vn.bordergate.server.service.FeeService;
import vn.bordergate.server.service.IdempotentWrites;
import vn.bordergate.server.service.KioskService;
import vn.bordergate.server.service.PlateMatcher;
import vn.bordergate.server.service.PlateReadImages;
import vn.bordergate.server.service.PlateReadService;
import vn.bordergate.server.service.PriorityService;
import vn.bordergate.server.service.QueueWatch;
import vn.bordergate.server.service.ReferenceData;
import vn.bordergate.server.service.RequestValidator;
import vn.bordergate.server.service.VehicleArrival;
import vn.bordergate.server.service.VehicleCalls;
import vn.bordergate.server.service.WeighingService;

/**
 * The gate's services, built with plain constructors in dependency order: the part of the
 * composition root that needs no HTTP, so tests can build the same graph over a bare database.
 */
public final class GateServices {
    public final Transactions tx;
    public final AuditLog audit;
    public final PasswordHasher hasher;
    public final TokenService tokens;
    public final AccountService accounts;
    public final EnterpriseService enterprises;
    public final DeclarationService declarations;
    public final CrossingService crossings;
    public final CrossingQueries crossingQueries;
    public final QueueWatch queue;
    public final WeighingService weighings;
    public final FeeService fees;
    public final PlateReadService plateReads;
    public final ReferenceData reference;
    /** Printed documents (slips, tickets, reports): one renderer, so templates compile once for all. */
    public final DocumentRenderer documents;

    public final CrossingSlips slips;
    public final VehicleCalls vehicleCalls;
    public final PlateReadImages plateImages;
    public final KioskService kiosk;
    public final PriorityService priorities;
    public final Reports reports;
    public final PublicStatusService publicStatus;
    public final DashboardService dashboard;

    public GateServices(
            Transactions tx,
            RequestValidator validator,
            ObjectMapper json,
            EventPublisher events,
            ScheduledExecutorService scheduler,
            TokenService tokens,
            Clock clock,
            Path dataDir,
            int plateImageDays) {
        this.tx = tx;
        this.tokens = tokens;
        audit = new AuditLog(tx, clock);
        hasher = new PasswordHasher();
        IdempotentWrites idempotent = new IdempotentWrites(json, clock);
        DeclarationRecords records = new DeclarationRecords();
        queue = new QueueWatch(tx, events, scheduler, 250);
        accounts = new AccountService(
                tx, validator, hasher, tokens, new LoginThrottle(clock, 5, 100, Duration.ofMinutes(5)), audit, clock);
        enterprises = new EnterpriseService(tx, validator, audit);
        PlateMatcher plateMatcher = new PlateMatcher();
        DeclarationCheck declarationCheck = new DeclarationCheck(validator, idempotent, clock);
        DeclaredCrossings declaredCrossings = new DeclaredCrossings(records, clock);
        DeclarationTransactions declarationTransactions = new DeclarationTransactions(tx);
        DeclarationAnnouncements announcements = new DeclarationAnnouncements(events, plateMatcher, queue);
        declarations = new DeclarationService(
                tx,
                records,
                declarationCheck,
                new DeclarationSubmissions(
                        tx,
                        declarationTransactions,
                        new DeclarationOpening(records, declaredCrossings, audit, clock),
                        idempotent,
                        announcements),
                new DeclarationAmendments(
                        tx,
                        declarationTransactions,
                        declarationCheck,
                        records,
                        declaredCrossings,
                        audit,
                        announcements,
                        clock));
        crossings = new CrossingService(tx, validator, records, audit, idempotent, events, queue, clock);
        crossingQueries = new CrossingQueries(tx, clock);
        weighings = new WeighingService(tx, validator, audit, clock);
        fees = new FeeService(tx, validator, audit, clock);
        // up to 64 passes' pictures wait for the disk; beyond that a pass is stored without them
        plateImages = new PlateReadImages(dataDir, plateImageDays, clock, 64);
        scheduler.scheduleWithFixedDelay(plateImages::purge, 1, 6 * 60, TimeUnit.MINUTES);
        plateReads = new PlateReadService(
                tx, validator, plateMatcher, new VehicleArrival(tx, crossings), audit, events, clock, plateImages);
        reference = new ReferenceData(tx);
        documents = new DocumentRenderer(new DocumentTemplates());
        slips = new CrossingSlips(
                tx, records, audit, new CrossingSlipDocument(documents), "Cửa khẩu quốc tế Hữu Nghị, Lạng Sơn", clock);
        vehicleCalls = new VehicleCalls(tx, audit, events, queue, clock);
        kiosk = new KioskService(tx, crossings, reference, queue, audit, clock, documents);
        priorities = new PriorityService(tx, validator, records, audit, events, queue, clock);
        reports = new Reports(tx, documents, clock);
        // each finished day's report figures rolled up, a day per run so the shared scheduler stays free
        scheduler.scheduleWithFixedDelay(new ReportRollups(tx, clock)::rollUpNextDay, 30, 15, TimeUnit.SECONDS);
        // the public may ask as often as it likes: the figures are computed at most every 10 s
        publicStatus = new PublicStatusService(tx, clock, Duration.ofSeconds(10));
        dashboard = new DashboardService(tx, crossingQueries, clock);
    }
}
