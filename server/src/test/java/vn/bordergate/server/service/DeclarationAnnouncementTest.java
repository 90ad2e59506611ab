package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.event.CrossingChangedEvent;
import vn.bordergate.common.json.GateJson;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.server.events.EventPublisher;
import vn.bordergate.server.persistence.CrossingEntity;
import vn.bordergate.server.security.Actor;
import vn.bordergate.server.support.TestGate;

/**
 * What happens after a declaration's commit (the plate matcher and the workstations are told) must neither
 * delay nor fail its caller's answer. A declaration service of its own on the shared server's real database,
 * with an event publisher that blocks or fails the way a full or closed event hub does.
 */
class DeclarationAnnouncementTest {
    private final TestGate gate = TestGate.shared();
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void aCallerIsAnsweredWhileTheAnnouncementOfItsDeclarationIsStillBlocked() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Long> published = new CopyOnWriteArrayList<>();
        DeclarationService service = service(event -> {
            try {
                release.await(60, TimeUnit.SECONDS); // a full fan-out queue makes publish wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            published.add(((CrossingChangedEvent) event).crossing().id());
        });
        try {
            Future<DeclarationDto> answer = callers.submit(() -> service.submit(enterprise(), request(), null));
            DeclarationDto written = answer.get(30, TimeUnit.SECONDS); // before the publisher is let go
            assertThat(published).isEmpty();
            assertThat(stored(written)).isTrue();
            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (published.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(published).containsExactly(written.crossingId()); // announced all the same, after
        } finally {
            release.countDown();
            service.close(10_000);
        }
    }

    @Test
    void aFailingAnnouncementDoesNotTurnAWrittenDeclarationInto503() throws Exception {
        DeclarationService service = service(event -> {
            throw new IllegalStateException("event hub closed");
        });
        try {
            for (int i = 0; i < 3; i++) { // and the writer goes on with the next ones
                DeclarationDto written = callers.submit(() -> service.submit(enterprise(), request(), null))
                        .get(30, TimeUnit.SECONDS);
                assertThat(stored(written)).isTrue();
            }
        } finally {
            service.close(10_000);
        }
    }

    private DeclarationService service(EventPublisher events) {
        var services = gate.server().services();
        Clock clock = Clock.systemUTC();
        DeclarationRecords records = new DeclarationRecords();
        IdempotentWrites idempotent = new IdempotentWrites(GateJson.newMapper(), clock);
        DeclarationCheck check = new DeclarationCheck(new RequestValidator(), idempotent, clock);
        DeclaredCrossings crossings = new DeclaredCrossings(records, clock);
        DeclarationTransactions alone = new DeclarationTransactions(services.tx);
        DeclarationAnnouncements announcements =
                new DeclarationAnnouncements(events, new PlateMatcher(), services.queue);
        return new DeclarationService(
                services.tx,
                records,
                check,
                new DeclarationSubmissions(
                        services.tx,
                        alone,
                        new DeclarationOpening(records, crossings, services.audit, clock),
                        idempotent,
                        announcements),
                new DeclarationAmendments(
                        services.tx, alone, check, records, crossings, services.audit, announcements, clock));
    }

    private Actor enterprise() {
        long enterpriseId =
                gate.as("enterprise").declaration(gate.declare().id()).enterpriseId();
        return new Actor(0, "enterprise", Role.ENTERPRISE, null, null, enterpriseId);
    }

    private static vn.bordergate.common.dto.DeclarationRequest request() {
        return TestGate.declaration(TestGate.uniqueVietnamesePlate(), Direction.EXPORT, QuarantineKind.NONE);
    }

    private boolean stored(DeclarationDto written) {
        return gate.server().services().tx.read(session -> session.find(CrossingEntity.class, written.crossingId()))
                != null;
    }
}
