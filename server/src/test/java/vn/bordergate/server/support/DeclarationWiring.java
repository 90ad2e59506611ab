package vn.bordergate.server.support;

import java.time.Clock;
import vn.bordergate.server.events.EventPublisher;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.service.AuditLog;
import vn.bordergate.server.service.DeclarationAmendments;
import vn.bordergate.server.service.DeclarationAnnouncements;
import vn.bordergate.server.service.DeclarationCheck;
import vn.bordergate.server.service.DeclarationOpening;
import vn.bordergate.server.service.DeclarationRecords;
import vn.bordergate.server.service.DeclarationService;
import vn.bordergate.server.service.DeclarationSubmissions;
import vn.bordergate.server.service.DeclaredCrossings;
import vn.bordergate.server.service.IdempotentWrites;
import vn.bordergate.server.service.PlateMatcher;
import vn.bordergate.server.service.QueueWatch;
import vn.bordergate.server.service.RequestValidator;
import vn.bordergate.server.service.UniqueKeyRaceRetry;

/**
 * The declaration service's object graph as {@code GateServices} wires it, for tests that build their own (a
 * demo fixture without a server, a service publishing to a test's own listener): one place to follow the
 * wiring, which stays explicit in {@code GateServices}.
 */
public final class DeclarationWiring {
    private DeclarationWiring() {}

    public static DeclarationService declarations(
            Transactions tx,
            DeclarationRecords records,
            RequestValidator validator,
            IdempotentWrites idempotent,
            AuditLog audit,
            EventPublisher events,
            QueueWatch queue,
            Clock clock) {
        DeclarationCheck check = new DeclarationCheck(validator, idempotent, clock);
        DeclaredCrossings crossings = new DeclaredCrossings(records, clock);
        UniqueKeyRaceRetry keyRaceRetry = new UniqueKeyRaceRetry(tx);
        DeclarationAnnouncements announcements = new DeclarationAnnouncements(events, new PlateMatcher(), queue);
        return new DeclarationService(
                tx,
                records,
                check,
                new DeclarationSubmissions(
                        tx,
                        keyRaceRetry,
                        new DeclarationOpening(records, crossings, audit, clock),
                        idempotent,
                        announcements),
                new DeclarationAmendments(tx, keyRaceRetry, check, records, crossings, audit, announcements, clock));
    }
}
