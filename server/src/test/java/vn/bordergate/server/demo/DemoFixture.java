package vn.bordergate.server.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import vn.bordergate.common.event.GateEvent;
import vn.bordergate.common.json.GateJson;
import vn.bordergate.server.events.EventPublisher;
import vn.bordergate.server.persistence.GateDatabase;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.security.LoginThrottle;
import vn.bordergate.server.security.PasswordHasher;
import vn.bordergate.server.security.TokenService;
import vn.bordergate.server.service.AccountService;
import vn.bordergate.server.service.AuditLog;
import vn.bordergate.server.service.CrossingService;
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
import vn.bordergate.server.service.PlateMatcher;
import vn.bordergate.server.service.QueueWatch;
import vn.bordergate.server.service.RequestValidator;
import vn.bordergate.server.service.WeighingService;

/** A real Derby database with the services wired as the composition root does, and the demo on top. */
final class DemoFixture implements AutoCloseable {
    final GateDatabase db;
    final Transactions tx;
    final List<GateEvent> events = new CopyOnWriteArrayList<>();
    final AuditLog audit;
    final AccountService accounts;
    final DemoGate demo;
    private final RequestValidator validator = new RequestValidator();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    DemoFixture(Path dir, Clock clock, long seed) {
        db = GateDatabase.openEmbedded(dir);
        tx = new Transactions(db.sessionFactory());
        EventPublisher publisher = events::add;
        audit = new AuditLog(tx, clock);
        DeclarationRecords records = new DeclarationRecords();
        IdempotentWrites idempotent = new IdempotentWrites(GateJson.newMapper(), clock);
        QueueWatch queue = new QueueWatch(tx, publisher, scheduler, 250);
        PasswordHasher hasher = new PasswordHasher();
        accounts = new AccountService(
                tx,
                validator,
                hasher,
                new TokenService(new byte[32], clock, Duration.ofHours(8)),
                new LoginThrottle(clock, 5, 100, Duration.ofMinutes(5)),
                audit,
                clock);
        demo = new DemoGate(
                tx,
                hasher,
                accounts,
                new EnterpriseService(tx, validator, audit),
                declarations(records, idempotent, publisher, queue, clock),
                new CrossingService(tx, validator, records, audit, idempotent, publisher, queue, clock),
                new WeighingService(tx, validator, audit, clock),
                new FeeService(tx, validator, audit, clock),
                audit,
                clock,
                seed);
    }

    /** The declaration service as {@code GateServices} wires it. */
    private DeclarationService declarations(
            DeclarationRecords records,
            IdempotentWrites idempotent,
            EventPublisher publisher,
            QueueWatch queue,
            Clock clock) {
        DeclarationCheck check = new DeclarationCheck(validator, idempotent, clock);
        DeclaredCrossings crossings = new DeclaredCrossings(records, clock);
        DeclarationTransactions alone = new DeclarationTransactions(tx);
        DeclarationAnnouncements announcements = new DeclarationAnnouncements(publisher, new PlateMatcher(), queue);
        return new DeclarationService(
                tx,
                records,
                check,
                new DeclarationSubmissions(
                        tx, alone, new DeclarationOpening(records, crossings, audit, clock), idempotent, announcements),
                new DeclarationAmendments(tx, alone, check, records, crossings, audit, announcements, clock));
    }

    <T> List<T> query(String hql, Class<T> type) {
        return tx.read(s -> s.createSelectionQuery(hql, type).getResultList());
    }

    @Override
    public void close() {
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS); // a queue count still running needs the database
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        validator.close();
        db.close();
    }
}
